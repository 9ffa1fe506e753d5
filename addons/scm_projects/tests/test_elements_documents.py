from datetime import timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_elements import ScmElementsCase


@tagged("post_install", "-at_install")
class TestElementsDocuments(ScmElementsCase):
    """Supplement requests, memoranda and the initialisation checklist
    (PRJ-ELEM-01, PRJ-ELEM-07, PRJ-ELEM-12, PRJ-SC-07, PRJ-RUN-01)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["scm.project.supplement.request"]
        cls.Memo = cls.env["scm.project.memorandum"]
        cls.Checklist = cls.env["scm.project.init.checklist"]

    # -- PRJ-ELEM-01 ---
    def test_prj_elem_01_supplement_request_to_customer_lead(self):
        """PRJ-ELEM-01: supplement requests are logged on the project with
        the customer project lead as addressee, optionally asking for a
        further research round."""
        outsider = self.env["res.partner"].sudo().create({"name": "外部联系人"})
        Request = self.as_client(self.Request, self.wh_consultant)
        with self.assertRaises(ValidationError):
            Request.create(
                {
                    "project_id": self.project.id,
                    "name": "补充资料",
                    "description": "缺少库存期初数据",
                    "addressee_id": outsider.id,
                }
            )
        request = Request.create(
            {
                "project_id": self.project.id,
                "name": "补充资料",
                "description": "缺少库存期初数据；门店调拨单据口径存疑。",
                "addressee_id": self.customer_lead.id,
                "further_research": True,
            }
        )
        self.assertEqual(request.requested_by_id, self.wh_consultant)
        self.assertIn(
            request, self.Request.search([("project_id", "=", self.project.id)])
        )
        request.action_send()
        self.assertEqual(request.stage, "sent")
        self.assertEqual(request.sent_date, self.today())
        with self.assertRaises(UserError):
            request.write({"description": "改"})
        with self.assertRaises(UserError):
            request.action_record_answer("")
        action = request.action_open_answer()
        self.env[action["res_model"]].with_user(self.wh_consultant).with_context(
            **action["context"]
        ).create({"answer": "已补充期初库存表。"}).action_confirm()
        self.assertEqual(request.stage, "answered")
        self.assertEqual(request.answer, "已补充期初库存表。")
        # Beijing sees nothing; the auditor reads and logs nothing.
        with self.assertRaises(AccessError):
            self.as_client(request, self.bj_manager).read(["name"])
        self.assertTrue(self.as_client(request, self.auditor).read(["name"]))
        with self.assertRaises(UserError):
            self.as_client(self.Request, self.auditor).create(
                {
                    "project_id": self.project.id,
                    "name": "审计",
                    "description": "x",
                    "addressee_id": self.customer_lead.id,
                }
            )
        with self.assertRaises(UserError):
            request.write({"answered_date": "2026-01-01"})
        with self.assertRaises(UserError):
            request.action_cancel()
        other = Request.create(
            {
                "project_id": self.project.id,
                "name": "解释口径",
                "description": "调拨单口径",
                "addressee_id": self.customer_lead.id,
            }
        )
        other.action_cancel()
        self.assertEqual(other.stage, "cancelled")

    # -- PRJ-ELEM-07 ---
    def new_memo(self, **vals):
        return self.as_client(self.Memo, self.pm).create(
            {
                "project_id": self.project.id,
                "name": "系统初始化延期备忘录",
                "reason": "客户期初数据录入延迟，双方协商完工日期顺延。",
                "customer_lead_id": self.customer_lead.id,
                "new_completion_date": self.today() + timedelta(days=60),
                **vals,
            }
        )

    def test_prj_elem_07_completion_date_moves_only_by_signed_memorandum(self):
        """PRJ-ELEM-07: changing the contract completion date requires a
        memorandum signed by both sides; the thank-you letter is optional."""
        first = self.today() + timedelta(days=30)
        self.project._scm_init_completion_date(first)
        with self.assertRaises(UserError):
            self.project._scm_init_completion_date(first + timedelta(days=1))
        for user in (self.pm, self.mcd_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(self.project, user).write(
                    {"scm_completion_date": first + timedelta(days=9)}
                )
        with self.assertRaises(UserError):
            self.as_client(self.Memo, self.wh_consultant).create(
                {
                    "project_id": self.project.id,
                    "name": "x",
                    "reason": "x",
                    "customer_lead_id": self.customer_lead.id,
                    "new_completion_date": first + timedelta(days=5),
                }
            )
        with self.assertRaises(ValidationError):
            self.new_memo(new_completion_date=first)
        with Form(self.as_client(self.Memo, self.pm)) as form:
            form.project_id = self.project
            form.name = "系统初始化延期备忘录"
            form.reason = "客户期初数据录入延迟，双方协商完工日期顺延。"
            form.customer_lead_id = self.customer_lead
            form.new_completion_date = self.today() + timedelta(days=60)
            form.thank_you_letter = "<p>感谢贵公司的支持与配合。</p>"
        memo = form.record
        with self.assertRaises(UserError):
            memo.action_sign_pm()
        memo.action_send_for_signature()
        with self.assertRaises(UserError):
            memo.write({"new_completion_date": first + timedelta(days=90)})
        with self.assertRaises(UserError):
            self.as_client(memo, self.wh_consultant).action_sign_pm()
        memo.action_sign_pm()
        # One signature is not enough.
        self.assertEqual(memo.stage, "signing")
        self.assertEqual(self.project.scm_completion_date, first)
        memo._scm_record_customer_signature("楚风 刘经理", self.today())
        self.assertEqual(memo.stage, "signed")
        self.assertEqual(memo.previous_completion_date, first)
        self.assertEqual(self.project.scm_completion_date, memo.new_completion_date)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("scm_projects.report_scm_project_memorandum", memo.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("Letter of Thanks", html)
        self.assertIn("感谢贵公司", html)
        letter = memo.action_print_letter()
        self.assertEqual(
            letter["report_name"], "scm_projects.report_scm_project_thank_you_letter"
        )
        # Without a letter of thanks, on a project without a date yet.
        project = self.make_project(title="无完工日期项目")
        project.scm_member_ids.sudo().create(
            {
                "project_id": project.id,
                "side": "customer",
                "role": "group_leader",
                "customer_contact_id": self.customer_lead.id,
            }
        )
        plain = self.new_memo(project_id=project.id)
        plain.action_send_for_signature()
        plain.action_sign_pm()
        plain._scm_record_customer_signature("楚风 刘经理", self.today())
        self.assertEqual(project.scm_completion_date, plain.new_completion_date)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("scm_projects.report_scm_project_memorandum", plain.ids)[
                0
            ]
            .decode()
        )
        self.assertNotIn("Letter of Thanks", html)
        with self.assertRaises(UserError):
            plain.action_print_letter()

    def test_prj_elem_07_memorandum_security(self):
        """Beijing cannot read a Wuhan memorandum; the auditor reads it and
        cannot change or sign it; the customer's signature waits for the
        sending."""
        memo = self.new_memo()
        with self.assertRaises(AccessError):
            self.as_client(memo, self.bj_manager).read(["name"])
        auditor = self.as_client(memo, self.auditor)
        self.assertTrue(auditor.read(["name"]))
        with self.assertRaises(UserError):
            auditor.write({"name": "改"})
        with self.assertRaises(UserError):
            auditor.action_send_for_signature()
        with self.assertRaises(UserError):
            memo._scm_record_customer_signature("楚风 刘经理", self.today())
        with self.assertRaises(UserError):
            memo.write({"applied_date": self.today()})

    # -- PRJ-ELEM-12, PRJ-SC-07, PRJ-RUN-01 ---
    def test_prj_elem_12_incomplete_checklist_refused(self):
        """PRJ-ELEM-12: "initialisation complete" requires every item
        checked, and no item left incorrect."""
        checklist = self.as_client(self.Checklist, self.wh_consultant).create(
            {"project_id": self.project.id}
        )
        self.assertEqual(len(checklist.line_ids), 6)
        with self.assertRaises(UserError):
            self.as_client(checklist, self.pm).action_complete_initialisation()
        self.assertFalse(self.project.scm_runin_start)
        lines = checklist.line_ids
        # A checked item needs its result; who checked it is recorded.
        with self.assertRaises(UserError):
            lines[0].write({"checked": True})
        lines.write({"checked": True, "result": "correct"})
        self.assertEqual(lines.checked_by_id, self.wh_consultant)
        lines[1].write({"result": "incorrect"})
        with self.assertRaises(UserError):
            self.as_client(checklist, self.pm).action_complete_initialisation()
        lines[1].write({"result": "corrected", "remarks": "客户已更正"})
        # The implementation staff check; the PM declares completion.
        with self.assertRaises(UserError):
            checklist.action_complete_initialisation()
        with self.assertRaises(UserError):
            lines.with_user(self.wh_consultant).write({"checked_by_id": self.pm.id})
        # Bad input: a checklist without lines checks nothing.
        lines.with_user(self.wh_consultant).unlink()
        with self.assertRaises(UserError):
            self.as_client(checklist, self.pm).action_complete_initialisation()
        self.assertEqual(checklist.stage, "draft")

    def test_prj_sc_07_prj_run_01_runin_starts_at_initialisation(self):
        """PRJ-SC-07 / PRJ-RUN-01: the run-in start is set once and equals
        the initialisation completion date; the project enters its run-in."""
        with Form(self.as_client(self.Checklist, self.wh_consultant)) as form:
            form.project_id = self.project
            for index in range(len(form.line_ids)):
                with form.line_ids.edit(index) as line:
                    line.checked = True
                    line.result = "correct"
        checklist = form.record
        self.as_client(checklist, self.pm).action_complete_initialisation()
        self.assertEqual(checklist.stage, "completed")
        self.assertEqual(self.project.scm_runin_start, checklist.completion_date)
        self.assertEqual(self.project.scm_runin_start, self.today())
        self.assertEqual(self.project.scm_phase, "runin")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "scm_projects.report_scm_project_init_checklist", checklist.ids
            )[0]
            .decode()
        )
        self.assertIn("Warehouses and opening stock", html)
        self.assertIn("the free run-in starts that day", html)
        self.assertTrue(self.project.scm_runin_end)
        # Once: the checklist is frozen and the run-in has started.
        with self.assertRaises(UserError):
            self.as_client(checklist, self.pm).action_complete_initialisation()
        with self.assertRaises(UserError):
            checklist.line_ids[0].with_user(self.wh_consultant).write({"remarks": "x"})
        with self.assertRaises(UserError):
            self.project._scm_start_runin(self.today())
        # One checklist per project.
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.Checklist.sudo().create({"project_id": self.project.id})

    def test_prj_run_10_no_runin_period_no_initialisation_completion(self):
        """PRJ-RUN-10: a contract without a free run-in period refuses the
        completion (and the checklist stays open)."""
        project = self.make_project(runin_months=0, title="无磨合期合同")
        project._scm_set_phase("elements")
        checklist = self.Checklist.with_user(self.pm).create({"project_id": project.id})
        checklist.line_ids.write({"checked": True, "result": "correct"})
        with self.assertRaises(UserError):
            checklist.action_complete_initialisation()
        self.assertEqual(checklist.stage, "draft")
        self.assertFalse(project.scm_runin_start)

    def test_prj_elem_12_checklist_security(self):
        """Beijing sees no checklist or line; the auditor reads and changes
        nothing; a checklist is made in the elements phase only."""
        checklist = self.Checklist.with_user(self.wh_consultant).create(
            {"project_id": self.project.id}
        )
        for record in (checklist, checklist.line_ids[0]):
            with self.assertRaises(AccessError):
                self.as_client(record, self.bj_manager).read(["id"])
            self.assertTrue(self.as_client(record, self.auditor).read(["id"]))
        with self.assertRaises(UserError):
            self.as_client(checklist.line_ids[0], self.auditor).write({"checked": True})
        with self.assertRaises(UserError):
            self.as_client(checklist, self.auditor).action_complete_initialisation()
        project = self.make_project(title="调研阶段项目")
        project._scm_set_phase("research")
        with self.assertRaises(UserError):
            self.Checklist.with_user(self.pm).create({"project_id": project.id})
        # Last: a refused write leaves its value in the cache.
        with self.assertRaises(ValidationError):
            checklist.write({"completion_date": self.today() + timedelta(days=3)})
