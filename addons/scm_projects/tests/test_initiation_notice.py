from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.scm_base.tests.common import china_today

from .common import ScmProjectsCase


class InitiationCase(ScmProjectsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.mrd_manager = cls.users["mrd.manager"]
        cls.mrd_analyst = cls.users["mrd.analyst"]
        cls.wh_consultant2 = ref("scm_base.user_wh_consultant2")
        cls.dept_mrd = ref("scm_base.dept_mrd")
        cls.dept_qc = ref("scm_base.dept_qc")
        cls.dept_mcd = ref("scm_base.dept_mcd")
        cls.notice = cls.project.scm_initiation_ids

    def add_member(self, project, user, role="consultant", by=None, **vals):
        Member = self.env["scm.project.member"]
        if by:
            Member = self.as_client(Member, by)
        else:
            Member = Member.sudo()
        return Member.create(
            {
                "project_id": project.id,
                "side": "aa",
                "role": role,
                "user_id": user.id,
                **vals,
            }
        )

    def fill(self, notice, user=None):
        """The PM writes the five contents (PRJ-INIT-03) and sets up the team."""
        user = user or notice.project_id.user_id
        today = china_today()
        self.as_client(notice, user).write(
            {
                "work_content": "SCMS 企业管理改造：需求调研、要素法实施、系统磨合。",
                "date_start": today,
                "date_end": today + timedelta(days=120),
                "pm_powers": "项目经理全权负责项目实施，协调各部门资源。",
            }
        )
        if not notice.project_id.scm_member_ids:
            self.add_member(notice.project_id, self.wh_consultant, by=user)

    def issue(self, notice, user=None):
        user = user or notice.project_id.user_id
        return self.as_client(notice, user).action_scm_issue()


@tagged("post_install", "-at_install")
class TestInitiationNotice(InitiationCase):
    """《项目立项通知单》: drafted with the project, issued by the PM."""

    def test_prj_init_01_notice_due_two_working_days_after_signature(self):
        """PRJ-INIT-01: the project's notice is drafted with it and its PM
        owes it within 2 WD of the signature; issuing closes the deadline."""
        notice = self.notice
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.state, "draft")
        deadline = notice.scm_deadline_ids.filtered(
            lambda d: d.rule_code == "PRJ-INIT-01"
        )
        self.assertEqual(len(deadline), 1)
        self.assertEqual(deadline.user_id, self.wh_manager)
        self.assertEqual(deadline.state, "open")
        expected = self.env["scm.workday"].compute_due(
            "working_days", 2, deadline.start_date, self.wuhan
        )
        self.assertEqual(deadline.due_date, expected)
        self.assertEqual(notice.due_date, expected)
        self.assertFalse(notice.issued_late)
        self.fill(notice)
        self.issue(notice)
        self.assertEqual(deadline.state, "done")
        self.assertFalse(deadline.done_late)
        self.assertFalse(notice.issued_late)

    def test_prj_init_01_late_issuance_is_flagged(self):
        """PRJ-INIT-01: a notice issued after its due time is flagged late,
        and an unissued one past it shows as overdue."""
        notice = self.notice
        deadline = notice.scm_deadline_ids
        past = fields.Datetime.now() - timedelta(days=10)
        deadline.sudo().write({"start_date": past, "due_date": past})
        notice.invalidate_recordset()
        self.assertTrue(notice.issued_late)
        self.assertIn(
            notice,
            self.env["scm.project.initiation"].search(
                [("scm_deadline_overdue", "=", True)]
            ),
        )
        self.fill(notice)
        self.issue(notice)
        self.assertEqual(deadline.state, "done")
        self.assertTrue(deadline.done_late)
        notice.invalidate_recordset()
        self.assertTrue(notice.issued_late)
        self.assertGreater(notice.days_late, 0)

    def test_prj_init_03_five_contents_required_to_issue(self):
        """PRJ-INIT-03: PM, work content, working time, PM's powers and the
        team are required to issue the notice."""
        notice = self.notice
        missing = notice.with_context(lang="en_US")._scm_missing_content()
        self.assertEqual(
            missing,
            [
                "the work content",
                "the working time",
                "the PM's powers and responsibilities",
                "the project team",
            ],
        )
        with self.assertRaises(UserError):
            self.issue(notice)
        self.assertEqual(notice.state, "draft")
        self.assertEqual(self.project.scm_phase, "initiation")
        # The team alone is still not enough.
        self.add_member(self.project, self.wh_consultant, by=self.wh_manager)
        with self.assertRaises(UserError):
            self.issue(notice)
        self.fill(notice)
        self.issue(notice)
        self.assertEqual(notice.state, "issued")

    def test_prj_init_03_appointed_pm_required(self):
        """PRJ-INIT-03: no notice without an appointed PM."""
        project = self.make_project(title="无项目经理")
        notice = project.scm_initiation_ids
        self.fill(notice)
        project.sudo().write({"user_id": False})
        self.assertIn(
            "the appointed project manager",
            notice.with_context(lang="en_US")._scm_missing_content(),
        )
        with self.assertRaises(UserError):
            notice.sudo().action_scm_issue()
        self.assertEqual(notice.state, "draft")

    def test_prj_trk_02_prj_init_02_branch_pm_copies_and_filing(self):
        """PRJ-TRK-02: issuing creates the copies for MSD, Finance, Audit and
        the initiator (the branch); PRJ-INIT-02: a branch PM files with
        MCD. The project moves to its kick-off preparation."""
        notice = self.notice
        self.assertEqual(notice.initiating_unit, "branch")
        self.fill(notice)
        self.issue(notice)
        lines = notice.scm_distribution_ids
        ref = self.env.ref
        self.assertEqual(len(lines), 5)
        self.assertEqual(
            set(lines.recipient_department_id.ids),
            {
                ref("scm_base.dept_msd").id,
                ref("scm_base.dept_finance").id,
                ref("scm_base.dept_audit").id,
                self.dept_mcd.id,
            },
        )
        initiator = lines.filtered(lambda line: line.copy_type == "original")
        self.assertEqual(initiator.recipient_company_id, self.wuhan)
        filing = lines.filtered("recipient_department_id").filtered(
            lambda line: line.recipient_department_id == self.dept_mcd
        )
        self.assertEqual(filing.copy_type, "copy")
        self.assertEqual(self.project.scm_phase, "kickoff")
        self.assertEqual(self.project.scm_initiated_date, notice.issued_date)
        self.assertEqual(notice.issued_by_id, self.wh_manager)
        self.assertTrue(notice.name.startswith("LX"))
        # Issued once, then frozen.
        with self.assertRaises(UserError):
            self.issue(notice)
        with self.assertRaises(UserError):
            self.as_client(notice, self.wh_manager).write({"work_content": "改"})

    def test_prj_init_02_hq_pm_files_with_the_branch(self):
        """PRJ-INIT-02: HQ acting as PM on a branch's project initiates (MCD
        keeps the original) and files with the branch."""
        project = self.make_project(title="HQ 管理的武汉项目")
        project.sudo().write({"user_id": self.mcd_manager.id})
        self.assertEqual(project.scm_pm_unit, "hq")
        notice = project.scm_initiation_ids
        self.fill(notice, self.mcd_manager)
        with self.assertRaises(UserError):
            self.issue(notice, self.wh_manager)
        self.issue(notice, self.mcd_manager)
        lines = notice.scm_distribution_ids
        self.assertEqual(len(lines), 5)
        initiator = lines.filtered(lambda line: line.copy_type == "original")
        self.assertEqual(initiator.recipient_department_id, self.dept_mcd)
        filing = lines.filtered("recipient_company_id")
        self.assertEqual(filing.recipient_company_id, self.wuhan)
        self.assertEqual(filing.copy_type, "copy")

    def test_prj_init_02_hq_contract_keeps_four_copies(self):
        """PRJ-INIT-02/PRJ-TRK-02: an HQ contract's project is initiated by
        MCD; with no branch to file with, the four copies remain."""
        project = self.make_project(
            company_id=self.hq.id, partner_id=self.lingnan.id, title="岭南 HQ 项目"
        )
        notice = project.scm_initiation_ids
        self.assertEqual(notice.scm_deadline_ids.user_id, self.mcd_manager)
        self.fill(notice, self.mcd_manager)
        self.issue(notice, self.mcd_manager)
        self.assertEqual(len(notice.scm_distribution_ids), 4)

    def test_tech_service_project_moves_to_service(self):
        """A technical-service project serves once initiated."""
        project = self.make_project(title="技术服务")
        # A technical-service contract continues an S&C contract's paid
        # service (its own chain is tested in scm_contracts): the type is set
        # in the database here.
        self.env.cr.execute(
            "UPDATE scm_contract SET contract_type = 'tech_service' WHERE id = %s",
            [project.scm_contract_id.id],
        )
        self.env.cr.execute(
            "UPDATE project_project SET scm_contract_type = 'tech_service' "
            "WHERE id = %s",
            [project.id],
        )
        self.env.invalidate_all()
        notice = project.scm_initiation_ids
        self.fill(notice)
        self.issue(notice)
        self.assertEqual(project.scm_phase, "service")

    def test_network_project_has_its_own_initiation(self):
        """Network projects are initiated by the equipment project's own
        initiation (SUP-EPM-01): no notice here, and none may be issued."""
        project = self.make_project(contract_type="network", title="网络工程")
        self.assertFalse(project.scm_initiation_ids)
        # MCD tracks it all the same (PRJ-TRK-01).
        self.assertTrue(project.scm_execution_sheet_ids)
        notice = (
            self.env["scm.project.initiation"].sudo().create({"project_id": project.id})
        )
        self.fill(notice)
        with self.assertRaises(UserError):
            self.issue(notice)
        self.assertEqual(notice.state, "draft")

    def test_prj_init_04_mcd_asked_to_assign_hq_members(self):
        """PRJ-INIT-04: issued without MRD/Software/QC member and without a
        request to them, MCD's manager gets an activity to assign them."""
        notice = self.notice
        self.fill(notice)
        self.issue(notice)
        activities = notice.sudo().activity_ids.filtered(
            lambda a: a.user_id == self.mcd_manager and "PRJ-INIT-04" in a.summary
        )
        self.assertEqual(len(activities), 1)

    def test_prj_init_04_branch_request_spares_mcd(self):
        """PRJ-INIT-04: a branch request to MRD makes the member-assignment
        request instead: no MCD activity."""
        notice = self.notice
        self.fill(notice)
        request = self.as_client(
            self.env["scm.project.coordination"], self.wh_manager
        ).create(
            {
                "project_id": self.project.id,
                "department_id": self.dept_mrd.id,
                "role": "requirement",
                "work": "需求调研",
                "date_from": china_today(),
                "date_to": china_today() + timedelta(days=30),
            }
        )
        request.action_scm_request()
        self.issue(notice)
        self.assertFalse(
            notice.sudo().activity_ids.filtered(
                lambda a: "PRJ-INIT-04" in (a.summary or "")
            )
        )

    def test_prj_init_04_hq_member_in_team_spares_mcd(self):
        """PRJ-INIT-04: a QC member in the team: no MCD activity."""
        notice = self.notice
        self.fill(notice)
        self.add_member(self.project, self.qc_manager, role="qc")
        self.issue(notice)
        self.assertFalse(
            notice.sudo().activity_ids.filtered(
                lambda a: "PRJ-INIT-04" in (a.summary or "")
            )
        )

    # -- security ------------------------------------------------------------------
    def test_only_the_pm_issues(self):
        """Only the PM issues: the team's consultant, the auditor and MCD
        are refused on a branch's project."""
        notice = self.notice
        self.fill(notice)
        self.add_member(self.project, self.wh_consultant2, by=self.wh_manager)
        for user in (self.wh_consultant, self.auditor, self.mcd_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.issue(notice, user)
        self.assertEqual(notice.state, "draft")
        self.assertFalse(notice.scm_distribution_ids)
        self.assertEqual(self.project.scm_phase, "initiation")

    def test_auditor_reads_and_beijing_does_not(self):
        """The auditor reads the notice (and cannot edit it); another branch
        does not see it."""
        notice = self.notice
        self.assertTrue(self.as_client(notice, self.auditor).read(["state"]))
        with self.assertRaises(UserError):
            self.as_client(notice, self.auditor).write({"work_content": "审计"})
        with self.assertRaises(AccessError):
            self.as_client(notice, self.bj_manager).read(["state"])
        Notice = self.env["scm.project.initiation"]
        self.assertFalse(
            self.as_client(Notice, self.bj_manager).search([("id", "=", notice.id)])
        )

    def test_forged_context_and_step_fields(self):
        """Step fields stay with the steps whatever the context says."""
        notice = self.notice
        as_pm = self.as_client(notice, self.wh_manager)
        for vals in ({"state": "issued"}, {"issued_date": china_today()}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                as_pm.with_context(default_state="issued", scm_force=True).write(vals)
        project = self.make_project(title="伪造上下文项目")
        project.scm_initiation_ids.sudo().unlink()
        Notice = self.as_client(self.env["scm.project.initiation"], self.wh_manager)
        forged = Notice.with_context(default_state="issued").create(
            {"project_id": project.id}
        )
        self.assertEqual(forged.state, "draft")
        with self.assertRaises(UserError):
            Notice.create({"project_id": project.id, "state": "issued"})
        with self.assertRaises(UserError):
            notice.with_user(self.wh_manager).unlink()

    def test_notice_form_in_the_web_client(self):
        """The PM fills the notice in the web client."""
        self.add_member(self.project, self.wh_consultant, by=self.wh_manager)
        with Form(self.as_client(self.notice, self.wh_manager)) as form:
            form.work_content = "实施内容"
            form.date_start = china_today()
            form.date_end = china_today() + timedelta(days=90)
            form.pm_powers = "全权负责"
        self.issue(self.notice)
        self.assertEqual(self.notice.state, "issued")
        # The auditor opens it.
        Form(self.as_client(self.notice, self.auditor))

    def test_initiation_notice_pdf_renders(self):
        """The notice prints (FORMS.md 47)."""
        self.fill(self.notice)
        self.issue(self.notice)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "scm_projects.action_report_scm_project_initiation", self.notice.ids
        )[0]
        self.assertIn(self.notice.name, html.decode())
