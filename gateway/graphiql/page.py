"""The HTML of a GraphiQL page: the shipped assets, this audience's settings, and a strict CSP."""

from __future__ import annotations

import json
from string import Template

#: Only this origin: a page that tried to load or send anything elsewhere is stopped by the browser.
#: GraphiQL sets inline styles, and its fonts and icons are data: URLs inside its CSS.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "font-src 'self' data:; img-src 'self' data:; connect-src 'self'; "
                           "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

_PAGE = Template("""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evenwijdig GraphiQL · $title</title>
<link rel="stylesheet" href="$assets/graphiql.min.css">
<link rel="stylesheet" href="$assets/evenwijdig.css">
</head>
<body>
<header id="evenwijdig-bar"><strong>Evenwijdig</strong> · $title</header>
<main id="graphiql">Loading GraphiQL…</main>
<script id="evenwijdig-config" type="application/json">$config</script>
<script src="$assets/react.production.min.js"></script>
<script src="$assets/react-dom.production.min.js"></script>
<script src="$assets/graphiql.min.js"></script>
<script src="$assets/evenwijdig.js"></script>
</body>
</html>
""")

_INDEX = Template("""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Evenwijdig GraphiQL</title>
<link rel="stylesheet" href="$assets/evenwijdig.css"></head>
<body class="evenwijdig-index">
<h1>Evenwijdig · GraphiQL (development)</h1>
<p>One page per audience; each signs you in with a development token of its own role.</p>
<ul>
$items
</ul>
</body>
</html>
""")


def render_page(title: str, assets: str, config: dict) -> str:
    # A JSON data block is never run as script; escaping "<" keeps "</script>" in a value harmless.
    data = json.dumps(config, sort_keys=True).replace("<", "\\u003c")
    return _PAGE.substitute(title=_escape(title), assets=assets, config=data)


def render_index(assets: str, pages: dict[str, str]) -> str:
    items = "\n".join(f'<li><a href="{path}">{_escape(title)}</a> <code>{path}</code></li>'
                      for path, title in pages.items())
    return _INDEX.substitute(assets=assets, items=items)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
