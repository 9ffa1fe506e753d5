from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.scm_base.tests.common import china_today

from .test_initiation_notice import InitiationCase


@tagged("post_install", "-at_install")
class TestInitiationCoordination(InitiationCase):
    """《任务协调单》: members and support from HQ units (SUP-EPM-03)."""

    def new_request(self, user=None, department=None, role="requirement"):
        Request = self.as_client(
            self.env["scm.project.coordination"], user or self.wh_manager
        )
        return Request.create(
            {
                "project_id": self.project.id,
                "department_id": (department or self.dept_mrd).id,
                "role": role,
                "work": "需求调研与需求规格书",
                "date_from": china_today(),
                "date_to": china_today() + timedelta(days=30),
            }
        )

    def test_sup_epm_03_request_assigned_by_the_unit_manager(self):
        """SUP-EPM-03 / PRJ-INIT-04: the PM's request gives the unit's
        manager a deadline; only they assign, which adds the member."""
        request = self.new_request()
        request.action_scm_request()
        self.assertEqual(request.state, "requested")
        self.assertEqual(request.unit_manager_id, self.mrd_manager)
        deadline = request.scm_deadline_ids
        self.assertEqual(deadline.rule_code, "SUP-EPM-03")
        self.assertEqual(deadline.user_id, self.mrd_manager)
        self.assertTrue(request.name.startswith("XT"))
        # The unit's manager sees the request; its analyst answers nothing.
        as_mrd = self.as_client(request, self.mrd_manager)
        self.assertTrue(as_mrd.read(["state"]))
        for user in (self.mrd_analyst, self.wh_manager, self.mcd_manager):
            with (
                self.subTest(user=user.login),
                self.assertRaises(UserError),
            ):
                self.as_client(request, user).write(
                    {"assignee_id": self.mrd_analyst.id}
                )
        request.sudo().assignee_id = self.mrd_analyst
        with self.assertRaises(UserError):
            self.as_client(request, self.wh_manager).action_scm_assign()
        request.sudo().assignee_id = False
        as_mrd.write({"assignee_id": self.mrd_analyst.id, "answer_note": "指派分析员"})
        as_mrd.action_scm_assign()
        self.assertEqual(request.state, "assigned")
        self.assertEqual(request.answered_by_id, self.mrd_manager)
        member = request.member_id
        self.assertEqual(member.user_id, self.mrd_analyst)
        self.assertEqual(member.role, "requirement")
        self.assertEqual(member.department_id, self.dept_mrd)
        self.assertIn(self.mrd_analyst, self.project.scm_member_user_ids)
        self.assertEqual(deadline.state, "done")
        with self.assertRaises(UserError):
            as_mrd.action_scm_refuse()

    def test_sup_epm_03_assignee_must_work_in_the_unit(self):
        """SUP-EPM-03: the unit assigns one of its own people."""
        request = self.new_request()
        request.action_scm_request()
        as_mrd = self.as_client(request, self.mrd_manager)
        as_mrd.write({"assignee_id": self.qc_manager.id})
        with self.assertRaises(UserError):
            as_mrd.action_scm_assign()
        self.assertEqual(request.state, "requested")

    def test_sup_epm_03_refusal_needs_a_reason(self):
        """SUP-EPM-03: the unit may refuse, with its reason."""
        request = self.new_request(department=self.dept_qc, role="qc")
        request.action_scm_request()
        as_qc = self.as_client(request, self.qc_manager)
        with self.assertRaises(UserError):
            as_qc.action_scm_refuse()
        as_qc.write({"answer_note": "本月人手不足"})
        as_qc.action_scm_refuse()
        self.assertEqual(request.state, "refused")
        self.assertFalse(request.member_id)
        self.assertEqual(request.scm_deadline_ids.state, "done")

    def test_sup_epm_03_requesters(self):
        """SUP-EPM-03: the PM, the branch manager or MCD request; a team
        consultant or another branch may not; a sent request is frozen."""
        self.add_member(self.project, self.wh_consultant, by=self.wh_manager)
        with self.assertRaises(UserError):
            self.new_request(self.wh_consultant)
        with self.assertRaises(UserError):
            self.new_request(self.bj_manager)
        request = self.new_request(self.mcd_manager)
        with self.assertRaises(UserError):
            self.as_client(request, self.wh_consultant).action_scm_request()
        request.with_user(self.mcd_manager).action_scm_request()
        with self.assertRaises(UserError):
            self.as_client(request, self.wh_manager).write({"work": "改"})
        with self.assertRaises(UserError):
            self.as_client(request, self.wh_manager).write({"state": "assigned"})
        self.as_client(request, self.wh_manager).action_scm_cancel()
        self.assertEqual(request.state, "cancelled")
        self.assertEqual(request.scm_deadline_ids.state, "cancel")

    def test_sup_epm_03_hq_member_only_through_a_request(self):
        """SUP-EPM-03: a member from an HQ unit is not added directly to a
        branch's team, by the PM nor by MCD; the branch's own people are."""
        for user in (self.wh_manager, self.mcd_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.add_member(
                    self.project,
                    self.mrd_analyst,
                    role="requirement",
                    by=user,
                    department_id=self.dept_mrd.id,
                )
        with self.assertRaises(UserError):
            self.add_member(
                self.project, self.qc_manager, role="qc", by=self.wh_manager
            )
        member = self.add_member(self.project, self.wh_consultant2, by=self.wh_manager)
        self.assertTrue(member)

    def test_sup_epm_03_forms_in_the_web_client(self):
        """The PM fills the form in the web client; MRD's manager answers in
        it without seeing the rest of the project."""
        Request = self.as_client(self.env["scm.project.coordination"], self.wh_manager)
        with Form(Request) as form:
            form.project_id = self.project
            form.department_id = self.dept_mrd
            form.role = "requirement"
            form.work = "需求调研"
            form.date_from = china_today()
            form.date_to = china_today() + timedelta(days=10)
        request = form.record
        request.action_scm_request()
        with Form(self.as_client(request, self.mrd_manager)) as answer:
            answer.assignee_id = self.mrd_analyst
            answer.answer_note = "指派分析员"
        self.as_client(request, self.mrd_manager).action_scm_assign()
        self.assertEqual(request.member_id.user_id, self.mrd_analyst)

    def test_coordination_form_pdf_renders(self):
        """The task coordination form prints (FORMS.md S8)."""
        request = self.new_request()
        request.action_scm_request()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "scm_projects.action_report_scm_project_coordination", request.ids
        )[0]
        self.assertIn(request.name, html.decode())


@tagged("post_install", "-at_install")
class TestInitiationMemberChange(InitiationCase):
    """PRJ-INIT-05: a team change, notified by MCD within 1 WD."""

    def new_change(self, member, user=None, new_user=None):
        Change = self.as_client(
            self.env["scm.project.member.change"], user or self.wh_manager
        )
        return Change.create(
            {
                "project_id": member.project_id.id,
                "member_id": member.id,
                "change_date": china_today(),
                "reason": "调往其他项目",
                "new_user_id": new_user and new_user.id,
            }
        )

    def test_prj_init_05_change_recorded_and_notified_by_mcd(self):
        """PRJ-INIT-05: the change records its date, the member leaves and
        the replacement joins; MCD owes its onward notice within 1 WD, which
        is logged and closes the deadline."""
        member = self.add_member(self.project, self.wh_consultant, by=self.wh_manager)
        change = self.new_change(member, new_user=self.wh_consultant2)
        change.action_scm_record()
        self.assertEqual(change.state, "recorded")
        self.assertFalse(member.active)
        self.assertEqual(member.date_to, change.change_date)
        self.assertEqual(change.new_member_id.user_id, self.wh_consultant2)
        self.assertEqual(change.new_member_id.role, "consultant")
        self.assertNotIn(self.wh_consultant, self.project.scm_member_user_ids)
        self.assertIn(self.wh_consultant2, self.project.scm_member_user_ids)
        deadline = change.scm_deadline_ids
        self.assertEqual(deadline.rule_code, "PRJ-INIT-05")
        self.assertEqual(deadline.user_id, self.mcd_manager)
        self.assertEqual(deadline.amount, 1)
        with self.assertRaises(UserError):
            self.as_client(change, self.wh_manager).action_scm_notify()
        self.as_client(change, self.mcd_manager).action_scm_notify()
        self.assertEqual(change.state, "notified")
        self.assertEqual(deadline.state, "done")
        notice = self.env["scm.notice"]._scm_sent(change)
        self.assertEqual(change.notice_id, notice)
        self.assertIn(self.wh_manager.partner_id, notice.recipient_ids)
        self.assertIn(self.wh_consultant2.partner_id, notice.recipient_ids)

    def test_prj_init_05_missing_notice_is_flagged(self):
        """PRJ-INIT-05: MCD's missing notice after 1 WD shows overdue."""
        member = self.add_member(self.project, self.wh_consultant, by=self.wh_manager)
        change = self.new_change(member)
        change.action_scm_record()
        self.assertFalse(change.scm_deadline_overdue)
        past = fields.Datetime.now() - timedelta(days=5)
        change.scm_deadline_ids.sudo().write({"start_date": past, "due_date": past})
        change.invalidate_recordset()
        self.assertTrue(change.scm_deadline_overdue)
        self.assertTrue(change.scm_deadline_ids.is_overdue)

    def test_prj_init_05_who_records(self):
        """PRJ-INIT-05: the member's unit manager, branch manager or the PM
        record; the member, the auditor or another branch may not."""
        member = self.add_member(self.project, self.wh_consultant, by=self.wh_manager)
        for user in (self.wh_consultant, self.auditor, self.bj_manager):
            with (
                self.subTest(user=user.login),
                self.assertRaises(UserError),
            ):
                self.new_change(member, user)
        change = self.new_change(member)
        with self.assertRaises(UserError):
            self.as_client(change, self.wh_consultant).action_scm_record()
        with self.assertRaises(UserError):
            self.as_client(change, self.wh_consultant).unlink()
        with self.assertRaises(UserError):
            self.as_client(change, self.wh_manager).write({"state": "notified"})
        self.assertTrue(member.active)

    def test_prj_init_05_hq_unit_manager_records_their_member(self):
        """PRJ-INIT-05: MRD's manager records the change of the analyst MRD
        assigned through a coordination request."""
        member = self.add_member(
            self.project,
            self.mrd_analyst,
            role="requirement",
            department_id=self.dept_mrd.id,
        )
        change = self.new_change(member, self.mrd_manager)
        change.with_user(self.mrd_manager).action_scm_record()
        self.assertFalse(member.active)

    def test_prj_init_05_replacement_from_hq_needs_its_unit(self):
        """PRJ-INIT-05 / SUP-EPM-03: the PM does not bring in an HQ person
        as a replacement; the unit's manager replaces their own person."""
        member = self.add_member(self.project, self.wh_consultant, by=self.wh_manager)
        change = self.new_change(member, new_user=self.mrd_analyst)
        with self.assertRaises(UserError):
            change.action_scm_record()
        self.assertTrue(member.active)
        analyst = self.add_member(
            self.project,
            self.mrd_analyst,
            role="requirement",
            department_id=self.dept_mrd.id,
        )
        change = self.new_change(analyst, self.mrd_manager, new_user=self.mrd_manager)
        change.with_user(self.mrd_manager).action_scm_record()
        self.assertEqual(change.new_member_id.department_id, self.dept_mrd)

    def test_prj_init_05_pm_change_through_the_team_change(self):
        """PRJ-INIT-05: a new PM takes over through a team change only."""
        pm_member = self.add_member(self.project, self.wh_manager, role="pm")
        with self.assertRaises(UserError):
            self.as_client(self.project, self.wh_manager).write(
                {"user_id": self.wh_consultant2.id}
            )
        owed = self.notice.scm_deadline_ids
        change = self.new_change(pm_member, new_user=self.wh_consultant2)
        change.action_scm_record()
        self.assertEqual(self.project.user_id, self.wh_consultant2)
        self.assertEqual(change.new_member_id.role, "pm")
        # The notice still to issue is owed by the new PM, by the same time.
        self.assertEqual(owed.state, "cancel")
        handed = self.notice.scm_deadline_ids.filtered(lambda d: d.state == "open")
        self.assertEqual(handed.user_id, self.wh_consultant2)
        self.assertEqual(handed.due_date, owed.due_date)


@tagged("post_install", "-at_install")
class TestInitiationExecutionSheet(InitiationCase):
    """《项目执行情况表》 = 《合同执行情况表》 (PRJ-TRK-01/04/10)."""

    def test_prj_trk_04_prj_trk_01_sheet_created_with_the_project(self):
        """PRJ-TRK-04: a project with a signed contract and a PM gets its
        sheet, linked to the contract's EMT proposal; PRJ-TRK-01: owned by
        MCD, every project covered."""
        project = self.make_project(proposal_id=self.proposal.id, title="有建议书")
        sheet = project.scm_execution_sheet_ids
        self.assertEqual(len(sheet), 1)
        self.assertEqual(sheet.owner_department_id, self.dept_mcd)
        self.assertEqual(sheet.contract_id, project.scm_contract_id)
        self.assertEqual(sheet.proposal_id, self.proposal)
        self.assertEqual(sheet.state, "tracking")
        self.assertEqual(len(self.project.scm_execution_sheet_ids), 1)
        # MCD keeps it; the PM does not edit it.
        self.as_client(sheet, self.mcd_manager).write({"plan_note": "总体计划"})
        with self.assertRaises(UserError):
            self.as_client(sheet, self.wh_manager).write({"plan_note": "改"})

    def test_prj_trk_10_closing_requires_mcd_verification(self):
        """PRJ-TRK-10: closing needs MCD's verification (completion date and
        quality against the agreed delivery date); the sheet is archived with
        the contract."""
        blocker = "the execution sheet is not verified by MCD"
        self.assertTrue(
            any(
                blocker in b
                for b in self.project.with_context(lang="en_US")._scm_closing_blockers()
            )
        )
        sheet = self.project.scm_execution_sheet_ids
        today = china_today()
        args = (today, today - timedelta(days=1), "good", "按期完成")
        for user in (self.wh_manager, self.auditor, self.tsms):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(sheet, user).action_scm_verify(*args)
        with self.assertRaises(UserError):
            self.as_client(sheet, self.mcd_manager).action_scm_verify(
                today, False, "good"
            )
        with self.assertRaises(UserError):
            self.as_client(sheet, self.mcd_manager).action_scm_verify(
                today, today + timedelta(days=3), "good"
            )
        self.as_client(sheet, self.mcd_manager).action_scm_verify(*args)
        self.assertEqual(sheet.state, "verified")
        self.assertEqual(sheet.verified_by_id, self.mcd_manager)
        self.assertEqual(sheet.completion_quality, "good")
        self.assertFalse(sheet.completed_late)
        self.assertFalse(
            any(
                blocker in b
                for b in self.project.with_context(lang="en_US")._scm_closing_blockers()
            )
        )
        contract = self.project.scm_contract_id.sudo()
        self.assertTrue(
            any("PRJ-TRK-10" in (m.body or "") for m in contract.message_ids)
        )
        with self.assertRaises(UserError):
            self.as_client(sheet, self.mcd_manager).write({"plan_note": "改"})

    def test_prj_trk_10_verification_fields_are_steps(self):
        """PRJ-TRK-10: MCD's entries are written only by the verification,
        whatever the context; the wizard hands them to the step."""
        sheet = self.project.scm_execution_sheet_ids
        with self.assertRaises(UserError):
            self.as_client(sheet, self.mcd_manager).with_context(
                default_state="verified"
            ).write({"completion_quality": "excellent"})
        today = china_today()
        Wizard = self.as_client(
            self.env["scm.project.execution.verify"], self.mcd_manager
        )
        wizard = Wizard.create(
            {
                "sheet_id": sheet.id,
                "agreed_delivery_date": today - timedelta(days=10),
                "actual_completion_date": today,
                "completion_quality": "acceptable",
            }
        )
        wizard.action_verify()
        self.assertEqual(sheet.state, "verified")
        self.assertTrue(sheet.completed_late)
        # The wizard gives nobody else the step.
        other = self.make_project(title="另一个项目").scm_execution_sheet_ids
        wizard = self.as_client(
            self.env["scm.project.execution.verify"], self.wh_manager
        ).create(
            {
                "sheet_id": other.id,
                "agreed_delivery_date": today,
                "actual_completion_date": today,
                "completion_quality": "good",
            }
        )
        with self.assertRaises(UserError):
            wizard.action_verify()

    def test_execution_sheet_visibility(self):
        """The branch and HQ supervisors read the sheet; Beijing does not."""
        sheet = self.project.scm_execution_sheet_ids
        self.assertTrue(self.as_client(sheet, self.auditor).read(["state"]))
        self.assertTrue(self.as_client(sheet, self.wh_manager).read(["state"]))
        with self.assertRaises(AccessError):
            self.as_client(sheet, self.bj_manager).read(["state"])
