"""A small site with a real login, for the logged-in capture tests (issue 12).

On 127.0.0.1, a free port, a daemon thread. What it does, like a social network would:

- `/login`: a form (user name, password) posted to `/login`; the right pair sets an HttpOnly
  session cookie `sid` (random each time) and redirects to `/home`; the page also keeps a
  random token in localStorage (`ls_token`) so local storage is part of the login too;
- `/home`, `/account`: the logged-in header shows "Logged in as @rita_k"; `/account` is her
  account page; logged out they redirect to the login form;
- `/post/gated`: the post is shown only when logged in (a login wall otherwise); its page
  POSTs a "seen" receipt to `/api/seen` and a like to `/api/like` as soon as it loads, the way
  platforms record views: a logged-in capture must block both;
- `/post/public`: a post anyone sees (no wall): logged out, only the header differs;
- `/story/1`: a story; opening it logged in records a view server-side (`views`), like a
  platform's viewer list;
- `expire_sessions()` forgets every session (the cookie stops working: a login wall again).

Every request is recorded in `hits` (method, path, user); `posts` are the POSTs that arrived.
Run it by hand with `python -m tests.support.login_site`.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

USER = "rita_k"
PASSWORD = "correct horse battery"
GATED_TEXT = "Private post: only her followers can see this"
STORY_TEXT = "Story frame one"


def _page(title: str, body: str, user: str | None = None) -> str:
    header = (
        f'<header><nav aria-label="Account">Logged in as @{user} · '
        '<a href="/account">Account</a></nav></header>'
        if user
        else "<header><nav>Photos · <a href='/login'>Log in</a></nav></header>"
    )
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body>{header}<main>{body}</main></body></html>"
    )


_WALL = (
    "<h1>Log in to see this post</h1><form method='post' action='/login'>"
    "<input name='user' placeholder='User name'><input name='password' type='password'>"
    "<button>Log in</button></form>"
)
_FORM = (
    "<h1>Log in</h1><form method='post' action='/login' id='login'>"
    "<label>User name <input name='user' id='user'></label>"
    "<label>Password <input name='password' id='password' type='password'></label>"
    "<button id='submit'>Log in</button></form>"
)


@dataclass
class LoginSite:
    """The server's state: sessions, what arrived, who viewed the story."""

    sessions: dict[str, str] = field(default_factory=dict)
    hits: list[tuple[str, str, str | None]] = field(default_factory=list)
    posts: list[tuple[str, str | None]] = field(default_factory=list)
    views: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def expire_sessions(self) -> None:
        with self.lock:
            self.sessions.clear()

    @property
    def cookie_values(self) -> list[str]:
        with self.lock:
            return list(self.sessions)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _user(self) -> str | None:
        cookie = SimpleCookie(self.headers.get("Cookie", ""))
        sid = cookie["sid"].value if "sid" in cookie else None
        with self.server.state.lock:
            return self.server.state.sessions.get(sid) if sid else None

    def _send(self, status: int, body: str, headers: list[tuple[str, str]] | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in headers or []:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _redirect(self, to: str, headers: list[tuple[str, str]] | None = None) -> None:
        self.send_response(303)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        for name, value in headers or []:
            self.send_header(name, value)
        self.end_headers()

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        user = self._user()
        state = self.server.state
        with state.lock:
            state.hits.append((self.command, path, user))
        if path == "/login":
            self._send(200, _page("Log in", _FORM))
        elif path in ("/home", "/account"):
            if user is None:
                self._redirect("/login")
                return
            body = (
                f"<h1>@{user}</h1><p>Rita K. · 12 posts</p>"
                "<script>localStorage.getItem('ls_token') || "
                f"localStorage.setItem('ls_token', '{secrets.token_hex(16)}')</script>"
            )
            self._send(200, _page(f"@{user}", body, user))
        elif path == "/post/gated":
            if user is None:
                self._send(200, _page("Photos", _WALL))
                return
            body = (
                f"<article><h1>{GATED_TEXT}</h1><p>posted by @abuser_account</p>"
                "<button id='like'>Like</button></article><script>"
                "fetch('/api/seen', {method: 'POST', body: 'post=gated'}).catch(() => {});"
                "fetch('/api/like', {method: 'POST', body: 'post=gated'}).catch(() => {});"
                "</script>"
            )
            self._send(200, _page("Post", body, user))
        elif path == "/post/public":  # shown to anyone: no wall when logged out
            self._send(200, _page("Public post", "<h1>A public post</h1>", user))
        elif path == "/story/1":
            if user is None:
                self._send(200, _page("Story", _WALL))
                return
            with state.lock:
                state.views.append(user)
            self._send(200, _page("Story", f"<h1>{STORY_TEXT}</h1>", user))
        else:
            self._send(404, _page("Not found", "<h1>Not found</h1>"))

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        user = self._user()
        state = self.server.state
        with state.lock:
            state.hits.append(("POST", path, user))
            state.posts.append((path, user))
        if path == "/login":
            form = parse_qs(body)
            if form.get("user") == [USER] and form.get("password") == [PASSWORD]:
                sid = secrets.token_hex(24)
                with state.lock:
                    state.sessions[sid] = USER
                cookie = f"sid={sid}; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400"
                self._redirect("/home", [("Set-Cookie", cookie)])
            else:
                self._send(200, _page("Log in", "<p>Wrong user name or password.</p>" + _FORM))
        else:
            self._send(200, "ok")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: LoginSite) -> None:
        self.state = state
        super().__init__(("127.0.0.1", 0), _Handler)


class LoginSiteServer:
    """`with LoginSiteServer() as site:`; `site.url("/post/gated")`, `site.state`."""

    def __init__(self) -> None:
        self.state = LoginSite()
        self._server = _Server(self.state)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> LoginSiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


if __name__ == "__main__":  # pragma: no cover - for looking at it by hand
    with LoginSiteServer() as running:
        print(f"{running.url('/login')}  ({USER} / {PASSWORD}); Ctrl-C to stop")
        threading.Event().wait()
