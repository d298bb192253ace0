"""GraphiQL served from the package: the page, its assets and the development sign-in (never in production).

The browser assets are the npm registry's builds, shipped in ``assets/`` with their licences
(see ``assets/SOURCES.txt``), so the page works on a machine without internet and no request
leaves it; the page's Content-Security-Policy says so to the browser as well.
"""
