"""The site's only custom MkDocs machinery.

`test="skip"` and `raises="SomeError"` on a ```python fence are instructions for the tests
(tests/test_docs_blocks.py). Markdown's fence parser does not know them, so they are removed
here before the page is rendered; everything else on the fence line is left alone.
"""

import re

TEST_OPTIONS = re.compile(r'^(\s*(?:`{3,}|~{3,})\s*py(?:thon)?\b.*?)\s+(?:test|raises)="[^"]*"', re.M)


def on_page_markdown(markdown: str, **_) -> str:
    while True:
        stripped = TEST_OPTIONS.sub(r"\1", markdown)
        if stripped == markdown:
            return markdown
        markdown = stripped
