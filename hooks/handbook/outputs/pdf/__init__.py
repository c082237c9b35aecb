"""The printable manual: chapters in navigation order, static quizzes, answer key, WeasyPrint."""
