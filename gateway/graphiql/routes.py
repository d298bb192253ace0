"""Development-only routes: the GraphiQL page of each audience, its assets, and the sign-in.

``create_app`` includes this router before the GraphQL routers, so a browser's GET of an
endpoint gets the page; queries over GET are still refused (405), as in production, where none
of these routes exist.
"""

from __future__ import annotations

from pathlib import Path

from anyio import to_thread
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from gateway import audiences
from gateway.auth import mint_development_token
from services.staff_directory.api import Role
from gateway.graphiql.examples import EXAMPLES
from gateway.graphiql.page import CONTENT_SECURITY_POLICY, render_index, render_page
from gateway.schema.common import off_loop

ASSETS_DIR = Path(__file__).parent / "assets"
ASSETS_PATH = "/graphiql/assets"
TOKEN_PATH = "/graphiql/token"
#: Served by name only: nothing else under the package can be asked for.
ASSETS = {
    "graphiql.min.js": "text/javascript", "graphiql.min.css": "text/css",
    "react.production.min.js": "text/javascript", "react-dom.production.min.js": "text/javascript",
    "evenwijdig.js": "text/javascript", "evenwijdig.css": "text/css",
}
TITLES = {"counsellor": "Counsellor", "child_counsellor": "Child counsellor", "coordinator": "Coordinator",
          "mediator": "Begeleider (mediator)",
          "auditor": "Auditor", "admin": "Administrator", "status": "Status (operators)"}
_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


class SignIn(BaseModel):
    audience: str = Field(max_length=40)
    user: str = Field(min_length=1, max_length=200)


def _endpoint(audience: str) -> str:
    return "/graphql/status" if audience == "status" else audiences.path(Role(audience))


def _page(audience: str):  # noqa: ANN202
    config = {
        "audience": audience, "endpoint": _endpoint(audience), "example": EXAMPLES[audience],
        "signIn": TOKEN_PATH if audience != "status" else None,
    }

    async def page(request: Request) -> HTMLResponse:
        if request.url.query:  # a query over GET: refused as without GraphiQL, and no page either
            raise HTTPException(405, "Queries over GET are refused; send a POST.")
        # Who holds this role in the staff directory, offered in the picker; any other user id can be typed.
        directory = request.app.state.runtime.contexts.directory
        staff = await to_thread.run_sync(directory.staff_members)
        users = [s.user for s in staff if s.active and audience in s.roles]
        return HTMLResponse(render_page(TITLES[audience], ASSETS_PATH, {**config, "users": users}),
                            headers=_HEADERS)

    return page


def graphiql_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)
    for audience in TITLES:
        router.add_api_route(_endpoint(audience), _page(audience), methods=["GET"])

    @router.get("/")
    async def home() -> RedirectResponse:
        return RedirectResponse("/graphiql")

    @router.get("/graphiql")
    async def index() -> HTMLResponse:
        pages = {_endpoint(audience): title for audience, title in TITLES.items()}
        return HTMLResponse(render_index(ASSETS_PATH, pages), headers=_HEADERS)

    @router.get(ASSETS_PATH + "/{name}")
    async def asset(name: str) -> FileResponse:
        if name not in ASSETS:
            raise HTTPException(404, "No such asset.")
        return FileResponse(ASSETS_DIR / name, media_type=ASSETS[name], headers={"Cache-Control": "max-age=3600"})

    @router.post(TOKEN_PATH)
    async def sign_in(request: Request, body: SignIn) -> dict[str, str]:
        """Development only: a token for a user who holds the page's role (as `evenwijdig token` mints)."""
        try:
            role = Role(body.audience)
        except ValueError:
            raise HTTPException(422, "No such audience.") from None
        runtime = request.app.state.runtime
        if not await off_loop(runtime.contexts.directory.holds, body.user, role):
            raise HTTPException(403, f"{body.user} does not hold the role {role.value} in the staff directory.")
        return {"token": mint_development_token(runtime.settings.data_dir, body.user, role),
                "user": body.user, "role": role.value}

    return router
