"""Every GraphiQL page, opened as a person would in a browser on a machine without internet:
sign in as a user of the page's role, the Docs pane loads the schema, the example runs and shows data."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterator

import pytest

from evenwijdig.bootstrap import bootstrap
from evenwijdig.demo import load_demo
from evenwijdig.demo_case import CASE_ID
from evenwijdig.settings import Settings
from gateway.app import create_app
from tests.reliability.serving import served

#: page, the demo user signing in (None: no sign-in), and what its example's answer shows.
PAGES = [
    ("/graphql/counsellor", "demo-counsellor-a", str(CASE_ID)),
    ("/graphql/child-counsellor", "demo-child-counsellor", str(CASE_ID)),
    ("/graphql/coordinator", "demo-coordinator", str(CASE_ID)),
    ("/graphql/auditor", "demo-auditor", '"ok": true'),
    ("/graphql/admin", "demo-admin", "Applicatiebeheer"),
    ("/graphql/status", None, '"ready": true'),
]


@pytest.fixture
def demo_gateway(settings: Settings, tmp_path: Path) -> Iterator[str]:
    settings = dataclasses.replace(settings, data_dir=tmp_path / "var")
    contexts = bootstrap(settings)
    try:
        load_demo(contexts)
        with served(create_app(settings, contexts)) as base:
            yield base
    finally:
        contexts.close()


def test_every_graphiql_page_signs_in_loads_its_docs_and_runs_its_example_offline(chromium_browser, demo_gateway,
                                                                                    tmp_path):
    base = demo_gateway
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 900})
    elsewhere: list[str] = []

    def only_this_machine(route):  # noqa: ANN001
        if route.request.url.startswith(base):
            return route.continue_()
        elsewhere.append(route.request.url)
        return route.abort()

    context.route("**/*", only_this_machine)
    try:
        for path, user, shown in PAGES:
            page = context.new_page()
            page.goto(base + path)
            if user is not None:
                page.fill("#evenwijdig-user", user)
                page.click("#evenwijdig-sign-in")
                page.wait_for_selector("#evenwijdig-signed-in")
            page.locator(".graphiql-doc-explorer").get_by_text("Query", exact=True).first.wait_for(timeout=20_000)
            page.click(".graphiql-execute-button")
            page.locator(".result-window").get_by_text(shown).first.wait_for(timeout=20_000)
            page.screenshot(path=tmp_path / f"graphiql{path.replace('/', '-')}.png")
            result = page.locator(".result-window").inner_text()
            assert '"errors"' not in result, (path, result)
            page.close()
    finally:
        context.close()
    assert elsewhere == []


def test_a_token_signed_in_on_one_page_is_not_used_by_another(chromium_browser, demo_gateway):
    base = demo_gateway
    context = chromium_browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + "/graphql/admin")
        page.fill("#evenwijdig-user", "demo-admin")
        page.click("#evenwijdig-sign-in")
        page.wait_for_selector("#evenwijdig-signed-in")
        page.goto(base + "/graphql/counsellor")
        assert page.locator("#evenwijdig-sign-in").is_visible()  # not signed in: no admin token carried over
        stored = page.evaluate("Object.keys(localStorage)")
        assert any(key.startswith("evenwijdig:admin:") for key in stored)
        assert not any(key.startswith("evenwijdig:counsellor:") and key.endswith("token") for key in stored)
    finally:
        context.close()


def test_the_sign_in_refuses_a_user_who_does_not_hold_the_role(chromium_browser, demo_gateway):
    page = chromium_browser.new_page()
    try:
        page.goto(demo_gateway + "/graphql/admin")
        page.fill("#evenwijdig-user", "demo-counsellor-a")
        page.click("#evenwijdig-sign-in")
        page.get_by_text("does not hold the role admin").wait_for(timeout=10_000)
        assert not page.locator("#evenwijdig-signed-in").count()
    finally:
        page.close()
