import json
from datetime import datetime

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestWebClientAccess(HttpCase):
    """Branch isolation and menus as the web client sees them, through HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partner = cls.env["res.partner"].create({"name": "客户"})
        cls.deadlines = {}
        for code in ("wh", "bj"):
            company = cls.env.ref(f"scm_base.company_{code}")
            cls.deadlines[code] = (
                cls.env["scm.deadline"]
                .sudo()
                .create(
                    {
                        "name": f"Deadline of {code}",
                        "res_model": "res.partner",
                        "res_id": partner.id,
                        "company_id": company.id,
                        "user_id": cls.env.ref(f"scm_base.user_{code}_manager").id,
                        "start_date": datetime(2026, 11, 20, 2, 0),
                        "due_date": datetime(2026, 11, 23, 15, 59, 59),
                    }
                )
            )

    def visible_deadlines(self, login):
        self.authenticate(login, login)
        records = self.make_jsonrpc_request(
            "/web/dataset/call_kw/scm.deadline/search_read",
            {
                "model": "scm.deadline",
                "method": "search_read",
                "args": [[("id", "in", [d.id for d in self.deadlines.values()])]],
                "kwargs": {"fields": ["name", "company_id"]},
            },
        )
        return {record["name"] for record in records}

    def menu_ids(self, login, password=None):
        self.authenticate(login, password or login)
        response = self.url_open("/web/webclient/load_menus/test")
        self.assertEqual(response.status_code, 200)
        return {int(key) for key in json.loads(response.content) if key != "root"}

    def test_login_page_is_served(self):
        response = self.url_open("/web/login")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"login", response.content)

    def test_org_rule_branch_isolation_through_the_web(self):
        """ORG-ROLE-27 / ORG-ROLE-12: in the web client, a Wuhan consultant sees
        Wuhan's records only, the MSD manager every branch's."""
        self.assertEqual(self.visible_deadlines("wh.consultant"), {"Deadline of wh"})
        self.assertEqual(self.visible_deadlines("bj.consultant"), {"Deadline of bj"})
        self.assertEqual(
            self.visible_deadlines("msd.manager"), {"Deadline of wh", "Deadline of bj"}
        )
        self.assertEqual(
            self.visible_deadlines("audit.staff"), {"Deadline of wh", "Deadline of bj"}
        )

    def test_configuration_menu_for_administrators_only(self):
        """ORG-ROLE: the SCM Operations app is visible to staff, its
        Configuration menu only to administrators."""
        root = self.env.ref("scm_base.menu_scm_root").id
        config = self.env.ref("scm_base.menu_scm_config").id
        admin_menus = self.menu_ids("admin", "admin")
        self.assertIn(root, admin_menus)
        self.assertIn(config, admin_menus)
        consultant_menus = self.menu_ids("wh.consultant")
        self.assertIn(root, consultant_menus)
        self.assertNotIn(config, consultant_menus)
        self.assertNotIn(
            self.env.ref("scm_base.menu_scm_procedure_violation").id, consultant_menus
        )
        self.assertIn(
            self.env.ref("scm_base.menu_scm_procedure_violation").id,
            self.menu_ids("audit.staff"),
        )
