"""Command-line tools for editors and CI: scaffolding new pages, GitHub annotations."""
