from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ScmDocumentCase


@tagged("post_install", "-at_install")
class TestRecords(ScmDocumentCase):
    def test_org_unit_04_office_meeting_resolution_gates_approval(self):
        """ORG-UNIT-04: a record needing Office Meeting approval moves on only
        with an approving resolution; only the secretary records one."""
        doc = self.new_document()
        Resolution = self.env["scm.office.resolution"]
        with self.assertRaises(UserError):
            Resolution._scm_approving(doc)
        secretary = self.users["mc.manager"]
        secretary.groups_id = [
            Command.link(self.env.ref("scm_base.group_office_meeting").id)
        ]
        rejected = Resolution.with_user(secretary).create(
            {
                "name": "建议书复议",
                "outcome": "rejected",
                "res_model": doc._name,
                "res_id": doc.id,
            }
        )
        with self.assertRaises(UserError):
            Resolution._scm_approving(doc)
        approved = Resolution.with_user(secretary).create(
            {
                "name": "建议书批准",
                "outcome": "approved",
                "res_model": doc._name,
                "res_id": doc.id,
            }
        )
        self.assertEqual(Resolution._scm_approving(doc), approved)
        self.assertNotEqual(rejected, approved)
        with self.assertRaises(AccessError):
            Resolution.with_user(self.users["wh.consultant"]).create(
                {"name": "x", "outcome": "approved"}
            )

    def test_org_rule_07_written_notice_is_recorded(self):
        """ORG-RULE-07: a written notice keeps recipient, content, document and
        server time, and is found again for the document's next step."""
        doc = self.new_document()
        customer = self.env["res.partner"].create({"name": "武汉服装有限公司"})
        with freeze_time("2026-11-20 02:00:00"):
            notice = (
                self.env["scm.notice"]
                .with_user(self.users["wh.manager"])
                ._scm_send(doc, "审批结果通知", "<p>建议书已通过评审。</p>", customer)
            )
        self.assertEqual(notice.recipient_ids, customer)
        self.assertEqual(str(notice.sent_at), "2026-11-20 02:00:00")
        self.assertEqual(notice.sender_id, self.users["wh.manager"])
        self.assertIn(customer.id, notice.message_id.partner_ids.ids)
        self.assertEqual(self.env["scm.notice"]._scm_sent(doc, "审批结果通知"), notice)
        self.assertFalse(self.env["scm.notice"]._scm_sent(doc, "其他通知"))
        # The chatter shows the notice's paragraphs, not its tags; what a user
        # typed into a document's name never runs.
        self.assertEqual(str(notice.message_id.body), "<p>建议书已通过评审。</p>")
        hostile = self.env["scm.notice"]._scm_send(
            doc, "通知", "<p>客户 <script>alert(1)</script>武汉</p>", customer
        )
        self.assertNotIn("<script", str(hostile.message_id.body))
        self.assertIn("<p>", str(hostile.message_id.body))

    def test_org_rule_12_assessment_entry_in_current_month(self):
        """ORG-RULE-12: an outcome against a person creates an entry in that
        person's assessment for the current month."""
        with freeze_time("2026-11-20 02:00:00"):
            entry = self.env["scm.assessment.entry"]._scm_add(
                self.users["wh.consultant"], "audit", "客户档案未按时录入", score=-2
            )
        self.assertEqual(str(entry.period), "2026-11-01")
        self.assertEqual(entry.user_id, self.users["wh.consultant"])
        self.assertEqual(entry.company_id, self.wuhan)

    def test_org_rule_10_overdue_report_by_branch_and_person(self):
        """ORG-RULE-10: the overdue report lists each missed deadline with the
        responsible user and the rule ID, as soon as the due time passed: no
        scheduled job has to run first."""
        with freeze_time("2026-11-20 02:00:00"):
            doc = self.new_document()
            doc._scm_deadline_open(
                "TEST-RULE-01", "录入客户档案", self.users["wh.consultant"], 2
            )
        deadline = doc._scm_deadlines("TEST-RULE-01")
        with freeze_time("2026-11-30 02:00:00"):
            self.env.invalidate_all()
            self.assertTrue(deadline.is_overdue)
            # Due Tuesday Nov 24; on Monday Nov 30 it is Wed, Thu, Fri, Mon late.
            self.assertEqual(deadline.days_late, 4)
            overdue = self.env["scm.deadline"].search(
                [("is_overdue", "=", True), ("company_id", "=", self.wuhan.id)]
            )
            self.assertIn(deadline, overdue)
            html = (
                self.env["ir.actions.report"]
                ._render_qweb_html("scm_base.report_scm_deadline_overdue", overdue.ids)[
                    0
                ]
                .decode()
            )
            self.assertIn("TEST-RULE-01", html)
            self.assertIn(self.users["wh.consultant"].name, html)
            self.assertIn(self.wuhan.name, html)
            groups = self.env["scm.deadline"].read_group(
                [("is_overdue", "=", True), ("res_model", "=", doc._name)],
                ["days_late:sum"],
                ["company_id", "user_id"],
                lazy=False,
            )
            mine = [
                g
                for g in groups
                if g["user_id"][0] == self.users["wh.consultant"].id
                and g["company_id"][0] == self.wuhan.id
            ]
            self.assertEqual([g["days_late"] for g in mine], [4])
        with self.assertRaises(UserError):
            doc._scm_deadline_open("X", "bad", self.users["wh.consultant"], -1)


@tagged("post_install", "-at_install")
class TestListQueries(ScmDocumentCase):
    def _list_queries(self, user):
        """Queries to load the deadline list view as `user`."""
        view = self.env.ref("scm_base.view_scm_deadline_tree")
        views = self.env["scm.deadline"].get_views([(view.id, "list")])
        arch_fields = views["models"]["scm.deadline"]["fields"]
        spec = {name: {} for name in arch_fields}
        for many2one in ("company_id", "user_id"):
            spec[many2one] = {"fields": {"display_name": {}}}
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = (
            self.env["scm.deadline"]
            .with_user(user)
            .web_search_read([("company_id", "=", self.wuhan.id)], spec)
        )
        return self.env.cr.sql_log_count - before, result["length"]

    def _open_deadlines(self, count):
        doc = self.new_document()
        for index in range(count):
            doc._scm_deadline_open(
                "TEST-RULE-02", f"事项 {index}", self.users["wh.consultant"], 1
            )

    def test_org_rule_10_deadline_list_constant_queries(self):
        """ORG-RULE-10: the deadline list costs the same queries for 5 rows or 25."""
        user = self.users["wh.manager"]
        self._open_deadlines(5)
        # Warm the access-rule and metadata caches, also those of the working
        # calendar that the live lateness of overdue rows reads.
        self._list_queries(user)
        self._list_queries(user)
        few, rows_few = self._list_queries(user)
        self._open_deadlines(20)
        many, rows_many = self._list_queries(user)
        self.assertEqual(rows_many - rows_few, 20)
        self.assertEqual(few, many)
