"""Content model and loading: pages, front matter, quizzes, citations and the data files
(legal registry, glossary, procedures), parsed with line numbers. No rules, no output."""
