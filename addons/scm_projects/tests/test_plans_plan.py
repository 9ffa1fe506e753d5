from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .plans_common import ScmPlansCase


@tagged("post_install", "-at_install")
class TestPlansPlan(ScmPlansCase):
    def recipients(self, document):
        return {
            line.recipient_department_id
            or line.recipient_company_id
            or line.recipient_user_id
            or line.recipient_partner_id: line.quantity
            for line in document.scm_distribution_ids
        }

    def test_overall_plan_needs_initiation(self):
        """PRJ-SC-01: the overall plan can be created only for a project
        with an issued initiation notice, by its PM."""
        project = self.make_project(title="楚风二期（测试）")
        with self.assertRaisesRegex(UserError, "initiation notice"):
            self.make_plan("overall", self.pm, project=project)
        self.initiate(project)
        with self.assertRaises(UserError):
            self.make_plan("overall", self.wh_consultant, project=project)
        plan = self.make_plan("overall", self.pm, project=project)
        self.assertEqual(plan.state, "draft")
        self.assertNotEqual(plan.name, "/")
        self.assertEqual(plan.prepared_by_id, self.pm)
        self.assertEqual(plan.task_ids.scm_track, "overall")
        self.assertEqual(plan.task_ids.project_id, project)

    def test_work_plans_made_from_issued_overall_plan(self):
        """PRJ-SC-03: the software and QC plans and the schedule are made
        from the issued overall plan; PRJ-SC-02: the requirement work plan
        sheet is the development's requirement work plan, not a plan here."""
        with self.assertRaisesRegex(UserError, "overall plan"):
            self.make_plan("software", self.sw_manager)
        overall = self.make_plan("overall", self.pm)
        with self.assertRaisesRegex(UserError, "overall plan"):
            self.make_plan("qc", self.qc_manager)
        self.as_client(overall, self.pm).action_issue()
        plan = self.make_plan("qc", self.qc_manager)
        self.assertEqual(plan.overall_plan_id, overall)
        self.assertEqual(plan.preparer_department_id, self.env.ref("scm_base.dept_qc"))
        self.assertEqual(plan.task_ids.scm_track, "qc")
        self.assertEqual(
            plan.task_ids.scm_responsible_department_id,
            self.env.ref("scm_base.dept_qc"),
        )
        with self.assertRaises(UserError):
            self.make_plan("software", self.mrd_analyst)
        with self.assertRaisesRegex(UserError, "PRJ-SC-02"):
            self.make_plan("requirement", self.mrd_manager)

    def test_overall_plan_copies(self):
        """PRJ-TRK-03: the overall plan goes to the preparer, MCD, Audit,
        MSD and Finance."""
        ref = self.env.ref
        plan = self.issued_overall()
        self.assertEqual(plan.state, "issued")
        self.assertEqual(plan.issued_by_id, self.pm)
        self.assertEqual(
            set(self.recipients(plan)),
            {
                self.wuhan,
                ref("scm_base.dept_mcd"),
                ref("scm_base.dept_audit"),
                ref("scm_base.dept_msd"),
                ref("scm_base.dept_finance"),
            },
        )
        self.assertEqual(len(plan.scm_distribution_ids), 5)

    def test_work_plan_copies_and_issuer(self):
        """PRJ-TRK-03: software/QC plans go to the preparer, MCD
        and Audit; only the preparing unit (its manager) issues its plan."""
        ref = self.env.ref
        self.issued_overall()
        software = self.make_plan("software", self.sw_manager)
        for user in (self.pm, self.mrd_manager, self.mcd_manager):
            with self.assertRaises(UserError, msg=user.login):
                self.as_client(software, user).action_issue()
        self.as_client(software, self.sw_manager).action_issue()
        self.assertEqual(
            set(self.recipients(software)),
            {
                ref("scm_base.dept_software"),
                ref("scm_base.dept_mcd"),
                ref("scm_base.dept_audit"),
            },
        )
        qc_plan = self.make_plan("qc", self.qc_manager)
        with self.assertRaises(UserError):
            self.as_client(qc_plan, self.sw_manager).action_issue()
        self.as_client(qc_plan, self.qc_manager).action_issue()
        self.assertEqual(len(qc_plan.scm_distribution_ids), 3)

    def test_plan_needs_dated_lines(self):
        """A plan is issued with dated lines; once issued it is frozen."""
        plan = self.make_plan("overall", self.pm, [(0, 0, {"name": "无日期"})])
        with self.assertRaisesRegex(UserError, "planned start and end"):
            self.as_client(plan, self.pm).action_issue()
        plan.task_ids.write(
            {"scm_planned_start": self.days(1), "scm_planned_end": self.days(3)}
        )
        self.as_client(plan, self.pm).action_issue()
        with self.assertRaises(UserError):
            self.as_client(plan, self.pm).write({"description": "改"})
        with self.assertRaises(UserError):
            self.as_client(plan, self.pm).write({"task_ids": [self.line("追加", 1, 2)]})

    def test_missing_plan_types(self):
        """PRJ-SC-03: a project in execution must have all four plan types;
        the kick-off may not move it on without them and the adopted
        schedule."""
        project = self.project
        self.assertEqual(
            project._scm_missing_plan_types(),
            ["overall", "requirement", "software", "qc"],
        )
        project._scm_set_phase("research")
        project.invalidate_recordset()
        self.assertTrue(project.scm_plans_incomplete)
        self.assertIn("QC Work Plan Sheet", project.scm_missing_plans)
        self.assertEqual(len(project._scm_plan_blockers()), 2)
        self.issue_all_four()
        project.invalidate_recordset()
        self.assertEqual(project._scm_missing_plan_types(), [])
        self.assertFalse(project.scm_plans_incomplete)
        self.assertEqual(project.scm_plan_count, 3)
        blockers = project._scm_plan_blockers()
        self.assertEqual(len(blockers), 1)
        self.assertIn("PRJ-KICK-05", blockers[0])

    def test_schedule_sign_off(self):
        """PRJ-KICK-05: the schedule is adopted only with both sides' project
        leads' signatures and both companies' seals; 4 copies, 2 per side."""
        self.issue_all_four()
        schedule = self.make_plan("schedule", self.pm)
        self.assertEqual(schedule.task_ids.scm_track, "implementation")
        with self.assertRaises(UserError):
            self.as_client(schedule, self.pm).action_issue()
        with self.assertRaisesRegex(UserError, "signed and sealed"):
            self.as_client(schedule, self.pm).action_adopt()
        with self.assertRaises(UserError):
            self.as_client(schedule, self.wh_consultant).action_sign_aa()
        self.as_client(schedule, self.pm).action_sign_aa()
        with self.assertRaisesRegex(UserError, "being signed"):
            self.as_client(schedule, self.pm).write(
                {"task_ids": [self.line("追加", 1, 2)]}
            )
        # The Wuhan branch manager keeps the branch's seal.
        self.as_client(schedule, self.wh_manager).action_seal_aa()
        with self.assertRaisesRegex(UserError, "customer"):
            self.as_client(schedule, self.pm).action_adopt()
        with self.assertRaisesRegex(UserError, "seal"):
            self.as_client(schedule, self.pm)._scm_record_customer_signature(
                "张总经理", self.today, sealed=False
            )
        self.as_client(schedule, self.pm)._scm_record_customer_signature(
            "张总经理", self.today, sealed=True
        )
        with self.assertRaises(UserError):
            self.as_client(schedule, self.wh_consultant).action_adopt()
        self.as_client(schedule, self.pm).action_adopt()
        self.assertEqual(schedule.state, "approved")
        self.assertEqual(
            len(schedule.scm_signature_ids.filtered(lambda s: s.state == "signed")), 2
        )
        self.assertTrue(schedule.customer_sealed)
        lines = schedule.scm_distribution_ids
        customer = lines.filtered("recipient_partner_id")
        self.assertEqual(customer.recipient_partner_id, self.chufeng)
        self.assertEqual(sum(customer.mapped("quantity")), 2)
        self.assertEqual(sum((lines - customer).mapped("quantity")), 2)
        self.assertEqual(self.project._scm_plan_blockers(), [])

    def test_security(self):
        """Beijing sees no Wuhan plan; the auditor reads plans and changes
        none; MRD reads the plan it prepares."""
        plan = self.issued_overall()
        requirement = self.make_plan("qc", self.qc_manager)
        bj = self.as_client(self.Plan, self.bj_manager)
        self.assertFalse(bj.search([("project_id", "=", self.project.id)]))
        with self.assertRaises(AccessError):
            self.as_client(plan, self.bj_manager).read(["name"])
        with self.assertRaises(UserError):
            self.make_plan("qc", self.bj_manager)
        auditor = self.as_client(self.Plan, self.auditor)
        self.assertEqual(
            auditor.search([("project_id", "=", self.project.id)]),
            plan | requirement,
        )
        with self.assertRaises(AccessError):
            self.as_client(requirement, self.auditor).write({"description": "x"})
        with self.assertRaises(UserError):
            self.as_client(requirement, self.auditor).action_issue()
        self.assertEqual(
            self.as_client(requirement, self.qc_manager).task_ids.ids,
            requirement.task_ids.ids,
        )
        self.as_client(requirement, self.qc_manager).write(
            {"task_ids": [self.line("质检准备", 2, 5)]}
        )
        self.assertEqual(len(requirement.task_ids), 2)
        with self.assertRaises(UserError):
            self.as_client(requirement, self.sw_manager).write({"description": "x"})

    def test_step_fields_guarded(self):
        """The state and the issue of a plan are written by its steps only."""
        plan = self.make_plan("overall", self.pm)
        for vals in ({"state": "issued"}, {"issued_by_id": self.pm.id}):
            with self.assertRaises(UserError):
                self.as_client(plan, self.pm).write(vals)
        with self.assertRaises(UserError):
            self.as_client(self.Plan, self.pm).with_context(
                default_state="issued"
            ).create(
                {
                    "project_id": self.project.id,
                    "plan_type": "requirement",
                    "state": "issued",
                }
            )

    def test_print_plans(self):
        """The plans print with their lines; the schedule with both sides'
        signature lines."""
        overall = self.issued_overall([self.line("现场调研", 1, 5)])
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.pm)
            ._render_qweb_html(
                "scm_projects.action_report_scm_project_plan", overall.ids
            )
        )
        html = html.decode()
        self.assertIn("现场调研", html)
        self.assertIn(overall.name, html)
        schedule = self.make_plan("schedule", self.pm)
        self.as_client(schedule, self.pm).action_sign_aa()
        self.as_client(schedule, self.pm)._scm_record_customer_signature(
            "客户项目组长", self.today, sealed=True
        )
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.pm)
            ._render_qweb_html(
                "scm_projects.action_report_scm_project_plan", schedule.ids
            )
        )
        html = html.decode()
        self.assertIn("客户项目组长", html)
        self.assertIn(self.pm.name, html)

    def test_plan_form(self):
        """The PM makes the overall plan in its form, as the web client does,
        and the QC Dept adds a line to its QC plan in its form."""
        with Form(self.as_client(self.Plan, self.pm)) as form:
            form.project_id = self.project
            form.plan_type = "overall"
            with form.task_ids.new() as line:
                line.name = "高层调研"
                line.scm_planned_start = self.days(1)
                line.scm_planned_end = self.days(4)
        plan = form.record
        self.assertEqual(plan.task_ids.name, "高层调研")
        self.assertEqual(plan.task_ids.project_id, self.project)
        self.as_client(plan, self.pm).action_issue()
        requirement = self.make_plan("qc", self.qc_manager)
        with Form(self.as_client(requirement, self.qc_manager)) as form:
            with form.task_ids.new() as line:
                line.name = "质检用例"
                line.scm_planned_start = self.days(2)
                line.scm_planned_end = self.days(6)
        self.assertEqual(len(requirement.task_ids), 2)
        self.assertEqual(
            requirement.task_ids.scm_responsible_department_id,
            self.env.ref("scm_base.dept_qc"),
        )

    def test_prj_trk_04_execution_sheet_links_plans_and_emt_review(self):
        """PRJ-TRK-04: MCD's execution sheet, made with the project, follows
        the project's plans and the contract's EMT proposal review."""
        sheet = self.project.scm_execution_sheet_ids
        self.assertEqual(len(sheet), 1)
        self.assertFalse(sheet.plan_ids)
        plans = self.issue_all_four()
        self.assertEqual(sheet.plan_ids, plans)
        self.assertEqual(sheet.proposal_id, self.project.scm_contract_id.proposal_id)
        self.assertEqual(
            self.as_client(sheet, self.mcd_manager).plan_ids.mapped("plan_type"),
            ["overall", "software", "qc"],
        )
