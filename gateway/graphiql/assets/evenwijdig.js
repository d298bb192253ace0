/* Evenwijdig's GraphiQL page: sign-in (development tokens), a fetcher, storage kept per audience.
 * Plain ES5 and DOM calls, no build step: it ships as written. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("evenwijdig-config").textContent);
  var prefix = "evenwijdig:" + config.audience + ":";
  var tokenKey = prefix + "token";
  var userKey = prefix + "user";
  var bar = document.getElementById("evenwijdig-bar");
  var mount = document.getElementById("graphiql");
  var root = null;

  // GraphiQL keeps tabs, queries and headers in localStorage; each audience gets a namespace of
  // its own, so a token or tab of one page never reaches another (they share one origin).
  var storage = {
    getItem: function (key) { return localStorage.getItem(prefix + key); },
    setItem: function (key, value) { localStorage.setItem(prefix + key, value); },
    removeItem: function (key) { localStorage.removeItem(prefix + key); },
    clear: function () {
      Object.keys(localStorage).forEach(function (key) {
        if (key.indexOf(prefix) === 0) { localStorage.removeItem(key); }
      });
    },
    get length() {
      return Object.keys(localStorage).filter(function (key) { return key.indexOf(prefix) === 0; }).length;
    }
  };

  function token() { return localStorage.getItem(tokenKey); }

  function fetcher(params) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (token()) { headers.Authorization = "Bearer " + token(); }
    return fetch(config.endpoint, { method: "POST", headers: headers, body: JSON.stringify(params), credentials: "omit" })
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.status === 401 || response.status === 403) {
            // The gateway's door answers in FastAPI's shape; show it as GraphQL errors.
            return { errors: [{ message: body.detail + " Use 'Switch user' above to sign in again.",
                                extensions: { code: response.status === 401 ? "UNAUTHENTICATED" : "FORBIDDEN" } }] };
          }
          return body;
        });
      });
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function renderBar() {
    bar.querySelectorAll(".evenwijdig-control").forEach(function (node) { node.remove(); });
    var add = function (node) { node.classList.add("evenwijdig-control"); bar.appendChild(node); return node; };
    add(el("span", { "class": "evenwijdig-spacer" }));
    if (!config.signIn) { add(el("span", {}, "No sign-in needed")); return; }
    if (token()) {
      add(el("span", { id: "evenwijdig-signed-in" }, "Signed in as " + localStorage.getItem(userKey) +
        " (" + config.audience + ", development token)"));
      add(el("button", { id: "evenwijdig-switch", type: "button" }, "Switch user")).onclick = function () {
        localStorage.removeItem(tokenKey);
        localStorage.removeItem(userKey);
        render();
      };
      return;
    }
    add(el("label", { "for": "evenwijdig-user" }, "Sign in as"));
    var input = add(el("input", { id: "evenwijdig-user", list: "evenwijdig-users", placeholder: "user id",
                                  value: config.users[0] || "" }));
    var list = add(el("datalist", { id: "evenwijdig-users" }));
    config.users.forEach(function (user) { list.appendChild(el("option", { value: user })); });
    var button = add(el("button", { id: "evenwijdig-sign-in", type: "button" }, "Sign in"));
    var error = add(el("span", { "class": "evenwijdig-error", role: "alert" }));
    button.onclick = function () { signIn(input.value.trim(), error); };
    input.onkeydown = function (event) { if (event.key === "Enter") { signIn(input.value.trim(), error); } };
  }

  function signIn(user, error) {
    if (!user) { error.textContent = "Type a user id."; return; }
    fetch(config.signIn, { method: "POST", headers: { "Content-Type": "application/json" }, credentials: "omit",
                           body: JSON.stringify({ audience: config.audience, user: user }) })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) { error.textContent = typeof body.detail === "string" ? body.detail : "Refused."; return; }
          localStorage.setItem(tokenKey, body.token);
          localStorage.setItem(userKey, body.user);
          render();
        });
      })
      .catch(function () { error.textContent = "The gateway did not answer."; });
  }

  function renderGraphiQL() {
    if (root) { root.unmount(); root = null; }
    mount.textContent = "";
    if (config.signIn && !token()) {
      mount.appendChild(el("div", { "class": "evenwijdig-hint" },
        "Pick a user above and sign in: this development page mints a token of the " + config.audience +
        " role for that user and sends it as 'Authorization: Bearer …' with every request from this page only."));
      return;
    }
    var plugins = window.GraphiQL.React;
    root = ReactDOM.createRoot(mount);
    root.render(React.createElement(window.GraphiQL, {
      key: token() || "open",  // a new sign-in loads the schema (Docs) again with the new token
      fetcher: fetcher,
      storage: storage,
      defaultQuery: config.example.split("$user").join(localStorage.getItem(userKey) || ""),
      shouldPersistHeaders: false,
      visiblePlugin: plugins ? plugins.DOC_EXPLORER_PLUGIN : undefined
    }));
  }

  function render() { renderBar(); renderGraphiQL(); }

  render();
}());
