from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .kickoff_common import KickoffCase


@tagged("post_install", "-at_install")
class TestKickoffResearch(KickoffCase):
    """The research phase: customer materials and their receipt form
    (PRJ-RES-01/03/04), meetings and minutes (PRJ-RES-02/04/05/07), and the
    baseline that opens the elements method (PRJ-RES-07/08)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_leader(cls.project)
        cls.project._scm_set_phase("research")
        cls.Material = cls.env["scm.project.research.material"]
        cls.Baseline = cls.env["scm.project.baseline"]

    def new_material(self, department="销售部", user=None, project=None, **vals):
        values = {
            "project_id": (project or self.project).id,
            "name": "销售出库管理制度",
            "material_type": "rules",
            "department": department,
            "provider_id": self.sales_head.id,
        }
        values.update(vals)
        return self.as_client(self.Material, user or self.wh_consultant).create(values)

    def baseline_values(self, **vals):
        values = {
            "project_id": self.project.id,
            "department": "销售部",
            "name": "销售出库",
            "date_from": date(2026, 11, 2),
            "date_to": date(2026, 11, 6),
            "test_base": 3,
            "total_minutes": 0.672,
            "duties": "开单员开具销售出库单，仓库保管员发货。",
            "business_documents": "销售出库单（一式四联）",
            "staff_cost": "开单员1人，月薪2500元",
            "volume_time": "日均120单，每单约13秒",
            "reference_data": "客户订单（业务员提供）、库存账（仓库提供）",
            "control_points": "开单员对品种数量负责，保管员对实发负责",
            "review_time": "次日",
            "review_content": "单价、数量",
            "accuracy": "约97%",
            "potential_errors": "品种串码、重复发货",
            "data_custody": "纸质单据按月装订，由财务保管",
            "retrieval": "手工翻查，每次约10分钟",
            "decision_support": "月底手工汇总，2人日",
            "customer_satisfaction": "客户反映发货慢",
        }
        values.update(vals)
        return values

    # -- PRJ-RES-03 ---------------------------------------------------------------
    def test_prj_res_03_materials_numbered_per_department(self):
        """PRJ-RES-03: materials are numbered per providing department within
        the project, without gaps; the number does not move."""
        first = self.new_material()
        second = self.new_material(name="销售日报表", material_type="reports")
        finance = self.new_material(department=" 财务部 ", name="应收账款明细")
        self.assertEqual(first.number, "销售部-001")
        self.assertEqual(second.number, "销售部-002")
        self.assertEqual(finance.number, "财务部-001")
        self.assertIn("销售部-002", second.display_name)
        other = self.make_project(title="汉江项目 调研")
        other._scm_set_phase("research")
        self.assertEqual(
            self.new_material(project=other, user=self.pm).number, "销售部-001"
        )
        with self.assertRaisesRegex(UserError, "PRJ-RES-03"):
            second.with_user(self.pm).write({"department": "财务部"})
        with self.assertRaisesRegex(UserError, "PRJ-RES-03"):
            second.with_user(self.pm).unlink()
        with self.assertRaises(UserError):
            second.with_user(self.pm).write({"number": "销售部-009"})
        with self.assertRaises(UserError):
            self.new_material(number="销售部-100")

    def test_prj_res_03_bad_material_input_refused(self):
        """A material names its department and a provider of the customer,
        and is registered by the team while the research runs."""
        with self.assertRaises(ValidationError):
            self.new_material(department="  ")
        with self.assertRaises(ValidationError):
            self.new_material(provider_id=self.outsider.id)
        with self.assertRaises(ValidationError):
            self.new_material(quantity=0)
        with self.assertRaises(UserError):
            self.new_material(user=self.auditor)
        kickoff_project = self.make_project(title="尚在启动")
        kickoff_project._scm_set_phase("kickoff")
        with self.assertRaises(UserError):
            self.new_material(project=kickoff_project, user=self.pm)

    # -- PRJ-RES-01/04 ------------------------------------------------------------
    def test_prj_res_01_material_received_when_both_sign_the_receipt(self):
        """PRJ-RES-01/04: a material counts as received once the AA PM and
        the customer's provider signed its receipt form; then it is frozen."""
        material = self.new_material()
        self.assertFalse(material.received)
        with self.assertRaises(UserError):
            material.with_user(self.wh_consultant).action_sign_pm()
        material.with_user(self.pm).action_sign_pm()
        self.assertTrue(material.pm_signed)
        self.assertFalse(material.received)
        with self.assertRaises(UserError):
            material.with_user(self.auditor)._scm_record_customer_signature(
                "李经理", self.today()
            )
        material.with_user(self.wh_consultant)._scm_record_customer_signature(
            "李经理", self.today()
        )
        self.assertTrue(material.received)
        self.assertEqual(material.received_on, self.today())
        self.assertEqual(
            self.Material.search_count(
                [("project_id", "=", self.project.id), ("received", "=", True)]
            ),
            1,
        )
        with self.assertRaises(UserError):
            material.with_user(self.pm).write({"name": "改名"})
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "scm_projects.action_report_scm_project_research_material", material.ids
            )[0]
            .decode()
        )
        self.assertIn("Document Receipt Form", html)
        self.assertIn("销售部-001", html)
        self.assertIn("李经理", html)

    def test_prj_res_01_provider_signs_first(self):
        material = self.new_material()
        material.with_user(self.pm)._scm_record_customer_signature(
            "李经理", self.today()
        )
        self.assertFalse(material.received)
        material.with_user(self.pm).action_sign_pm()
        self.assertTrue(material.received)

    # -- PRJ-RES-02/07 ------------------------------------------------------------
    def test_prj_res_02_assessment_meeting_record(self):
        """PRJ-RES-02: an assessment meeting names its department, date,
        duration, chair (the customer's lead) and AA recorder; more than a day
        is a warning, not a block."""
        meeting = self.new_meeting(user=self.wh_consultant)
        self.assertFalse(meeting.duration_warning)
        meeting.write({"duration_days": 1.5})
        self.assertIn("at most 1.0 day", meeting.duration_warning)
        for vals in (
            {"department": False},
            {"chair_id": False},
            {"recorder_id": False},
            {"duration_days": 0},
            {"recorder_id": self.users["mrd.analyst"].id},
            {"chair_id": self.outsider.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self.new_meeting(**vals)

    def test_prj_res_07_grass_roots_and_tracking_warn_over_half_a_day(self):
        """PRJ-RES-07: grass-roots meetings and on-site tracking take in
        principle half a day per department; the chair may withdraw."""
        for meeting_type in ("grassroots", "tracking"):
            with self.subTest(meeting_type=meeting_type):
                meeting = self.new_meeting(
                    meeting_type=meeting_type, duration_days=0.5, chair_id=False
                )
                self.assertFalse(meeting.duration_warning)
                meeting.with_user(self.pm).write({"duration_days": 1})
                self.assertIn("at most 0.5 day", meeting.duration_warning)
        # Other meetings have no such limit.
        self.assertFalse(
            self.new_meeting(
                meeting_type="other", department=False, duration_days=3
            ).duration_warning
        )

    # -- PRJ-RES-04 ---------------------------------------------------------------
    def test_prj_res_04_minutes_signed_by_both_leads_one_copy_each(self):
        """PRJ-RES-04: research minutes need both leads' signatures before
        they are sent (an attempt without is a procedure violation), then
        each side keeps one copy; signed minutes are frozen."""
        meeting = self.new_meeting().with_user(self.pm)
        Violation = self.env["scm.procedure.violation"].sudo()
        before = Violation.search_count([("res_model", "=", meeting._name)])
        result = meeting.action_send()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(meeting.state, "draft")
        self.assertEqual(
            Violation.search_count([("res_model", "=", meeting._name)]), before + 1
        )
        with self.assertRaises(UserError):
            meeting.with_user(self.wh_consultant).action_sign_pm()
        self.assertFalse(meeting.pm_signed)
        meeting.action_sign_pm()
        with self.assertRaises(UserError):
            meeting.write({"minutes": "改写纪要"})
        self.assertEqual(meeting.action_send()["tag"], "display_notification")
        meeting._scm_record_customer_signature("张总", self.today())
        with self.assertRaises(UserError):
            meeting.with_user(self.wh_consultant).action_send()
        self.assertIs(meeting.action_send(), True)
        self.assertEqual(meeting.state, "sent")
        copies = meeting.scm_distribution_ids
        self.assertEqual(len(copies), 2)
        self.assertEqual(copies.recipient_user_id, self.pm)
        self.assertEqual(copies.recipient_partner_id, self.leader)
        with self.assertRaises(UserError):
            meeting.unlink()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "scm_projects.action_report_scm_project_meeting", meeting.ids
            )[0]
            .decode()
        )
        self.assertIn("Meeting Minutes", html)
        self.assertIn("讨论销售出库流程及单据", html)

    def test_prj_res_04_minutes_must_be_written_before_signing(self):
        meeting = self.new_meeting(minutes=False).with_user(self.pm)
        with self.assertRaises(UserError):
            meeting.action_sign_pm()
        with self.assertRaises(UserError):
            meeting._scm_record_customer_signature("张总", self.today())
        with self.assertRaises(UserError):
            meeting.write({"state": "sent"})

    # -- PRJ-RES-05 ---------------------------------------------------------------
    def test_prj_res_05_commitment_beyond_scope_waits_for_mcd(self):
        """PRJ-RES-05: an item committing beyond the contract's scope blocks
        sending the minutes until MCD's manager records the consultation; a
        change of the item makes the consultation stale."""
        meeting = self.new_meeting(
            item_ids=[
                (0, 0, {"description": "按现有合同范围梳理销售流程"}),
                (
                    0,
                    0,
                    {
                        "description": "免费增加生产模块调研",
                        "beyond_scope": True,
                    },
                ),
            ]
        ).with_user(self.pm)
        self.assertTrue(meeting.consultation_pending)
        item = meeting.item_ids.filtered("beyond_scope")
        item.with_user(self.pm).write({"description": "免费增加生产模块的调研"})
        meeting.action_sign_pm()
        meeting._scm_record_customer_signature("张总", self.today())
        with self.assertRaisesRegex(UserError, "PRJ-RES-05"):
            meeting.action_send()
        for user in (self.pm, self.wh_consultant, self.auditor):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(item, user).action_mcd_consulted("同意")
        with self.assertRaises(UserError):
            item.with_user(self.pm).write({"mcd_consulted_by_id": self.pm.id})
        self.as_client(item, self.mcd_manager).action_mcd_consulted(
            "可作为二期内容另行签约。"
        )
        self.assertEqual(item.mcd_consulted_by_id, self.mcd_manager)
        self.assertFalse(meeting.consultation_pending)
        with self.assertRaises(UserError):
            item.with_user(self.mcd_manager).action_mcd_consulted()
        self.assertIs(meeting.action_send(), True)

    def test_prj_res_05_changed_item_needs_a_new_consultation(self):
        meeting = self.new_meeting(
            item_ids=[(0, 0, {"description": "增加报表", "beyond_scope": True})]
        )
        item = meeting.item_ids
        item.with_user(self.mcd_manager).action_mcd_consulted()
        self.assertTrue(item.mcd_consulted_by_id)
        item.with_user(self.pm).write({"description": "增加十张报表"})
        self.assertFalse(item.mcd_consulted_by_id)
        self.assertTrue(meeting.consultation_pending)

    # -- PRJ-RES-07/08 ------------------------------------------------------------
    def test_prj_res_08_baseline_example_can_be_entered(self):
        """PRJ-RES-08: the manual's example: 3 sales-outbound slips measured,
        0.224 minutes per piece, with every element of the record."""
        baseline = self.as_client(self.Baseline, self.wh_consultant).create(
            self.baseline_values()
        )
        self.assertAlmostEqual(baseline.average_minutes, 0.224, places=3)
        self.assertEqual(baseline.test_base, 3)
        for name in ("duties", "data_custody", "customer_satisfaction"):
            self.assertTrue(baseline[name])
        for vals in (
            {"test_base": 0},
            {"date_to": date(2026, 11, 1)},
            {"total_minutes": -1},
            {"name": " "},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self.as_client(self.Baseline, self.pm).create(
                    self.baseline_values(**vals)
                )

    def test_prj_res_07_research_completed_needs_a_baseline(self):
        """PRJ-RES-07: the PM completes the research only once a baseline
        exists: the elements method (its documents) starts then; baselines
        are recorded in the research only."""
        with self.assertRaisesRegex(UserError, "PRJ-RES-07"):
            self.project.with_user(self.pm).action_scm_research_completed()
        baseline = self.as_client(self.Baseline, self.pm).create(self.baseline_values())
        for user in (self.wh_consultant, self.auditor, self.mcd_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(self.project, user).action_scm_research_completed()
        self.as_client(self.project, self.pm).action_scm_research_completed()
        self.assertEqual(self.project.scm_phase, "elements")
        with self.assertRaises(UserError):
            self.as_client(self.Baseline, self.pm).create(self.baseline_values())
        with self.assertRaises(UserError):
            baseline.with_user(self.pm).write({"accuracy": "99%"})

    # -- who sees what ---------------------------------------------------------------
    def test_prj_res_security_branch_team_hq(self):
        """Beijing sees none of the research documents; the auditor reads
        them and changes none; the QC manager reads them once on the team."""
        material = self.new_material()
        meeting = self.new_meeting()
        baseline = self.as_client(self.Baseline, self.pm).create(self.baseline_values())
        item_meeting = self.new_meeting(
            name="带事项的纪要", item_ids=[(0, 0, {"description": "事项"})]
        )
        for record in (material, meeting, baseline, item_meeting.item_ids):
            for user in (self.bj_manager, self.users["bj.consultant"]):
                with self.subTest(model=record._name, user=user.login):
                    with self.assertRaises(AccessError):
                        self.as_client(record, user).read(["id"])
            self.as_client(record, self.auditor).read(["id"])
        with self.assertRaises(AccessError):
            self.as_client(meeting, self.qc_manager).read(["name"])
        self.add_member(self.project, "aa", "qc", user=self.qc_manager)
        self.as_client(meeting, self.qc_manager).read(["name"])
        for record, vals in (
            (material, {"description": "审计改"}),
            (meeting, {"minutes": "审计改"}),
            (baseline, {"accuracy": "审计改"}),
        ):
            with self.subTest(model=record._name), self.assertRaises(UserError):
                self.as_client(record, self.auditor).write(vals)
        with self.assertRaises(UserError):
            self.as_client(meeting, self.auditor).unlink()
        with self.assertRaises(UserError):
            self.as_client(baseline, self.auditor).unlink()

    def test_prj_res_closed_project_freezes_research(self):
        """SUP-EPM-02: a closed project's research documents are frozen."""
        meeting = self.new_meeting()
        self.project._scm_set_phase("closed")
        with self.assertRaises(UserError):
            meeting.with_user(self.pm).write({"venue": "改"})
        with self.assertRaises(UserError):
            self.new_meeting()

    # -- the web client's forms ---------------------------------------------------
    def test_prj_res_forms_open_for_the_team(self):
        """The consultant records a meeting with its items, a material and a
        baseline through their forms; the provider's signature goes through
        the customer-signature wizard."""
        Meeting = self.as_client(self.env["scm.project.meeting"], self.wh_consultant)
        with Form(Meeting.with_context(default_project_id=self.project.id)) as form:
            form.name = "仓储部现场跟踪"
            form.meeting_type = "tracking"
            form.department = "仓储部"
            form.duration_days = 1
            form.recorder_id = self.wh_consultant
            form.minutes = "跟踪出库单据流转。"
            with form.item_ids.new() as item:
                item.description = "出库单一式四联"
            self.assertTrue(form.duration_warning)
        meeting = form.record
        self.assertEqual(meeting.item_ids.description, "出库单一式四联")
        Material = self.as_client(self.Material, self.wh_consultant)
        with Form(Material.with_context(default_project_id=self.project.id)) as form:
            form.name = "仓库盘点表"
            form.department = "仓储部"
            form.provider_id = self.sales_head
        material = form.record
        self.assertEqual(material.number, "仓储部-001")
        action = material.action_open_customer_sign()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.wh_consultant)
            .with_context(**action["context"])
            .create({"signatory": "李经理"})
        )
        wizard.action_confirm()
        self.assertTrue(material.customer_signed)
        self.assertFalse(material.received)
        Baseline = self.as_client(self.Baseline, self.wh_consultant)
        with Form(Baseline.with_context(default_project_id=self.project.id)) as form:
            form.name = "销售出库"
            form.department = "销售部"
            form.date_from = date(2026, 11, 2)
            form.date_to = date(2026, 11, 6)
            form.test_base = 3
            form.total_minutes = 0.672
            self.assertAlmostEqual(form.average_minutes, 0.224, places=3)
        self.assertTrue(form.record.id)
        project = self.as_client(self.project, self.wh_consultant)
        self.assertEqual(
            (
                project.scm_research_material_count,
                project.scm_meeting_count,
                project.scm_baseline_count,
            ),
            (1, 1, 1),
        )
        action = project.action_scm_open_meetings()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), meeting
        )
