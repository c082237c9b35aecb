"""Content model and validation for the debt-collector training handbook.

Plain Python with no MkDocs dependency: every function takes text or data and
returns findings, so the rules are unit-testable and the content stays portable
if the site engine changes. The MkDocs adapters live in ``hooks/*.py``.
"""
