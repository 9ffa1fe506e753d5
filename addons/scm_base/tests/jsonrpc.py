import json

from odoo.tests import HttpCase


class JsonRpcStoryCase(HttpCase):
    """The web client of the "done when" stories of every addon: each step
    is a JSON-RPC call (`/web/dataset/call_kw`) in the acting user's own
    login session on the demo database (the demo logins are the passwords),
    and each step then asserts what that user sees."""

    def call(self, login, model, method, args, kwargs=None, expect_error=False):
        """`model.method(*args, **kwargs)` as `login`'s browser sends it;
        with `expect_error`, the refusal's message."""
        self.authenticate(login, login)
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        payload = response.json()
        if expect_error:
            self.assertIn("error", payload, f"{login} {model}.{method} should fail")
            return payload["error"]["data"]["message"]
        self.assertNotIn("error", payload, payload.get("error"))
        return payload.get("result")

    def read_as(self, login, model, record_id, names):
        return self.call(login, model, "read", [[record_id], names])[0]

    def search_as(self, login, model, domain):
        return self.call(login, model, "search", [domain])

    def write_as(self, login, model, record_id, vals):
        return self.call(login, model, "write", [[record_id], vals])

    def create_as(self, login, model, vals, context=None):
        kwargs = {"context": context} if context else {}
        return self.call(login, model, "create", [vals], kwargs)

    def button(self, login, model, record_id, method, *args, expect_error=False):
        return self.call(
            login, model, method, [[record_id], *args], expect_error=expect_error
        )

    def my_activities(self, login, model, record_id, deadlines=True):
        """The activities of the user's systray on one document: the
        deadlines the user owes (or all the others)."""
        user_id = self.env.ref(f"scm_base.user_{login.replace('.', '_')}").id
        kind = self.env.ref("scm_base.mail_activity_type_scm_deadline").id
        return self.call(
            login,
            "mail.activity",
            "search_read",
            [
                [
                    ("res_model", "=", model),
                    ("res_id", "=", record_id),
                    ("user_id", "=", user_id),
                    ("activity_type_id", "=" if deadlines else "!=", kind),
                ],
                ["date_deadline", "summary", "note"],
            ],
        )

    def my_deadlines(self, login, model, record_id):
        """The deadline activities the user owes on one document."""
        return self.my_activities(login, model, record_id)
