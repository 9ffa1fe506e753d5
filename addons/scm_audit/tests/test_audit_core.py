from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.scm_base.tests.attacks import FORGED_CONTEXT

from .common import ScmAuditCase


@tagged("post_install", "-at_install")
class TestAuditReport(ScmAuditCase):
    def test_aud_gen_01_report_lists_findings_with_unit_person_rule_evidence(self):
        """AUD-GEN-01: the 《稽核报告单》 lists findings, each with the
        audited unit, the person, the rule violated and the evidence (a
        record of another addon), on OCA's audit and nonconformity."""
        partner = self.env["res.partner"].search(
            [("company_id", "=", self.wuhan.id)], limit=1
        )
        partner = partner or self.env.ref("base.res_partner_1")
        report = self.make_report()
        finding = self.make_finding(report, res_model="res.partner", res_id=partner.id)
        self.assertEqual(finding.company_id, self.wuhan)
        self.assertEqual(finding.manager_user_id, self.wh_manager)
        self.assertEqual(report.manager_user_id, self.wh_manager)
        self.assertEqual(finding.audited_user_id, self.wh_consultant)
        self.assertEqual(finding.rule_code, "SAL-PLAN-01")
        self.assertEqual(finding.chapter, "SAL")
        self.assertEqual(finding.res_name, partner.display_name)
        # OCA's records carry it: the audit lists the nonconformity, whose
        # partner is the audited company's own contact.
        self.assertIn(finding.nonconformity_id, report.audit_id.nonconformity_ids)
        self.assertEqual(finding.nonconformity_id.partner_id, self.wuhan.partner_id)
        self.assertEqual(finding.nonconformity_id.res_model, "res.partner")

    def test_aud_gen_01_rule_id_must_be_a_rule_of_the_manual(self):
        """AUD-GEN-01: a finding names a rule ID of the manual."""
        report = self.make_report()
        with self.assertRaisesRegex(UserError, "not a rule ID"):
            self.make_finding(report, rule="whatever")
        self.assertFalse(report.finding_ids)
        finding = self.make_finding(report, rule=" prj-trk-05 ")
        self.assertEqual(finding.rule_code, "PRJ-TRK-05")

    def test_aud_gen_02_confirming_writes_month_assessment_entries(self):
        """AUD-GEN-02: confirming the report creates performance entries in
        the current month for the audited manager and each person."""
        report = self.make_report()
        self.make_finding(report, self.wh_consultant)
        self.make_finding(report, self.wh_consultant2, rule="CON-SIGN-01")
        Entry = self.env["scm.assessment.entry"]
        month = self.today.replace(day=1)
        before = Entry.search_count([("source", "=", "audit")])
        self.as_client(report, self.auditor).action_confirm()
        entries = Entry.search([("source", "=", "audit")], order="id desc")[
            : Entry.search_count([("source", "=", "audit")]) - before
        ]
        self.assertEqual(len(entries), 4)
        self.assertEqual(
            set(entries.mapped("user_id").ids),
            {self.wh_consultant.id, self.wh_consultant2.id, self.wh_manager.id},
        )
        self.assertEqual(set(entries.mapped("period")), {month})
        self.assertEqual(report.state, "confirmed")
        self.assertRegex(report.name, r"^JHWH-\d{4}-\d{3}$")
        self.assertTrue(all(f.name.startswith(report.name) for f in report.finding_ids))

    def test_aud_gen_01_report_without_finding_is_refused(self):
        report = self.make_report()
        with self.assertRaisesRegex(UserError, "no finding"):
            self.as_client(report, self.auditor).action_confirm()
        self.assertEqual(report.state, "draft")

    def test_aud_gen_03_report_closes_only_with_every_plan(self):
        """AUD-GEN-03: each finding needs a rectification plan with a due
        date from the audited party before the report can be closed; closing
        without one is refused and writes nothing."""
        report = self.make_report()
        first = self.make_finding(report, self.wh_consultant)
        second = self.make_finding(report, self.wh_consultant2)
        self.as_client(report, self.auditor).action_confirm()
        self.as_client(first, self.wh_consultant).action_scm_submit_rectification(
            "补交并培训", self.today + timedelta(days=5)
        )
        with self.assertRaisesRegex(UserError, "cannot close"):
            self.as_client(report, self.auditor).action_close()
        self.assertEqual(report.state, "confirmed")
        self.assertFalse(report.closed_date)
        # The audited manager may give his consultant's plan.
        self.as_client(second, self.wh_manager).action_scm_submit_rectification(
            "分公司例会通报", self.today + timedelta(days=3)
        )
        self.as_client(report, self.auditor).action_close()
        self.assertEqual(report.state, "closed")
        self.assertEqual(report.audit_id.state, "done")

    def test_aud_gen_03_plan_only_by_the_audited_and_not_in_the_past(self):
        finding = self.confirmed_finding()
        for user in (self.wh_consultant2, self.bj_manager, self.auditor):
            with (
                self.subTest(user=user.login),
                self.assertRaises(UserError),
            ):
                self.as_client(finding, user).action_scm_submit_rectification(
                    "措施", self.today + timedelta(days=2)
                )
        with self.assertRaisesRegex(UserError, "past"):
            self.as_client(finding, self.wh_consultant).action_scm_submit_rectification(
                "措施", self.today - timedelta(days=1)
            )
        with self.assertRaisesRegex(UserError, "measures"):
            self.as_client(finding, self.wh_consultant).action_scm_submit_rectification(
                "  ", self.today
            )
        self.assertEqual(finding.state, "confirmed")
        self.assertFalse(finding.rectification_action_id)

    def test_aud_gen_03_rectification_plan_through_the_form_wizard(self):
        finding = self.confirmed_finding()
        action = self.as_client(
            finding, self.wh_consultant
        ).action_rectification_wizard()
        wizard_model = self.env[action["res_model"]].with_env(
            self.as_client(self.env[action["res_model"]], self.wh_consultant).env
        )
        form = Form(wizard_model.with_context(**action["context"]))
        form.plan = "重新制定计划并报稽核部"
        form.due = self.today + timedelta(days=4)
        form.save().action_submit()
        self.assertEqual(finding.state, "planned")
        self.assertEqual(finding.rectification_by_id, self.wh_consultant)
        self.assertEqual(finding.rectification_action_id.type_action, "correction")
        self.assertEqual(
            finding.stage_id, self.env.ref("mgmtsystem_nonconformity.stage_open")
        )

    def test_aud_gen_01_finding_found_by_number_title_and_rule(self):
        """AUD-GEN-01: a finding is found in the dropdown and the search box
        by a piece of its number, its title and its rule ID, from one
        trigram-indexed column (issue 15), by those who may read it only."""
        finding = self.confirmed_finding(rule="SAL-VISIT-02", title="拜访记录缺失")

        def found(text, user):
            findings = self.Finding.with_user(user).name_search(text, limit=100)
            return {row[0] for row in findings}

        for text in ("记录缺失", "SAL-VISIT-02", finding.name[-6:]):
            self.assertIn(finding.id, found(text, self.auditor), text)
        self.assertIn(finding.id, found("记录缺失", self.wh_consultant))
        self.assertNotIn(finding.id, found("记录缺失", self.bj_consultant))
        self.assertNotIn(finding.id, found("记录缺失xyz", self.auditor))


@tagged("post_install", "-at_install")
class TestAuditRecheck(ScmAuditCase):
    def test_aud_gen_04_recheck_activity_at_the_due_date(self):
        """AUD-GEN-04: a re-check activity is created at the rectification
        due date, on the lead auditor."""
        due = self.today + timedelta(days=6)
        finding = self.planned_finding(due=due)
        deadline = finding._scm_deadlines("AUD-GEN-04")
        self.assertEqual(len(deadline), 1)
        self.assertEqual(deadline.user_id, self.auditor)
        self.assertEqual(deadline.activity_id.date_deadline, due)
        self.assertEqual(deadline.activity_id.user_id, self.auditor)

    def test_aud_gen_04_recheck_before_its_date_is_refused(self):
        finding = self.planned_finding(due=self.today + timedelta(days=2))
        with self.assertRaisesRegex(UserError, "re-check it on that date"):
            self.as_client(finding, self.auditor).action_scm_recheck("passed", "已整改")
        self.assertEqual(finding.state, "planned")
        self.assertFalse(finding.recheck_result)

    def test_aud_gen_04_finding_closes_only_on_passed(self):
        """AUD-GEN-04: the finding closes only with the re-check result
        "passed"; a failed re-check asks for a new plan."""
        finding = self.planned_finding(due=self.today)
        self.as_client(finding, self.auditor).action_scm_recheck("failed", "未整改")
        self.assertEqual(finding.state, "confirmed")
        self.assertEqual(finding.recheck_failed_count, 1)
        self.assertFalse(finding.rectification_due)
        self.as_client(finding, self.wh_consultant).action_scm_submit_rectification(
            "再次整改", self.today
        )
        self.as_client(finding, self.auditor).action_scm_recheck("passed", "已整改到位")
        self.assertEqual(finding.state, "closed")
        self.assertEqual(
            finding.stage_id, self.env.ref("mgmtsystem_nonconformity.stage_done")
        )
        self.assertTrue(finding.rectification_action_id.stage_id.is_ending)
        self.assertFalse(finding._scm_deadlines("AUD-GEN-04"))

    def test_aud_gen_04_only_audit_rechecks(self):
        finding = self.planned_finding(due=self.today)
        for user in (self.wh_manager, self.wh_consultant):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(finding, user).action_scm_recheck("passed", "ok")
        self.assertEqual(finding.state, "planned")


@tagged("post_install", "-at_install")
class TestAuditEscalation(ScmAuditCase):
    def test_aud_esc_01_recurrence_same_year_proposes_level_two(self):
        """AUD-ESC-01: a second finding of the same type (rule) against the
        same person in the calendar year is given level 2."""
        first = self.confirmed_finding(rule="PRJ-TRK-05")
        self.assertEqual(first.level, "1")
        report = self.make_report()
        second = self.make_finding(report, rule="PRJ-TRK-05")
        self.assertEqual(second.proposed_level, "2")
        self.assertEqual(second.recurrence_finding_id, first)
        other_rule = self.make_finding(report, rule="PRJ-TRK-06")
        other_person = self.make_finding(report, self.wh_consultant2, rule="PRJ-TRK-05")
        self.as_client(report, self.auditor).action_confirm()
        self.assertEqual(second.level, "2")
        self.assertEqual(other_rule.level, "1")
        self.assertEqual(other_person.level, "1")
        self.assertEqual(second.escalation_ids.level, "2")
        self.assertTrue(second.escalation_ids.assessment_entry_ids)

    def test_aud_esc_01_uncorrected_level_one_at_recheck_proposes_level_two(self):
        """AUD-ESC-01: an uncorrected level-1 finding at re-check proposes
        level 2 in the work queue; confirming it gives the level with its
        assessment entry."""
        finding = self.planned_finding(due=self.today)
        self.as_client(finding, self.auditor).action_scm_recheck("failed", "仍未整改")
        proposal = self.Proposal.search([("target_finding_id", "=", finding.id)])
        self.assertEqual(proposal.kind, "escalation")
        self.assertEqual(proposal.proposed_level, "2")
        self.assertEqual(finding.level, "1", "proposed, not applied")
        entries_before = len(finding.escalation_ids.assessment_entry_ids)
        self.as_client(proposal, self.auditor).action_confirm()
        self.assertEqual(finding.level, "2")
        self.assertEqual(proposal.state, "confirmed")
        self.assertEqual(len(finding.escalation_ids), 2)
        self.assertGreater(
            len(finding.escalation_ids.assessment_entry_ids), entries_before
        )

    def test_aud_esc_01_level_three_requires_a_reason(self):
        """AUD-ESC-01: level 3 requires an Audit decision with a reason;
        nothing is written without it, and it sends the circular."""
        finding = self.confirmed_finding()
        with self.assertRaisesRegex(UserError, "reason"):
            self.as_client(finding, self.auditor).action_scm_decide_level_three("  ")
        self.assertEqual(finding.level, "1")
        self.assertEqual(len(finding.escalation_ids), 1)
        with self.assertRaises(UserError):
            self.as_client(finding, self.wh_manager).action_scm_decide_level_three("x")
        self.as_client(finding, self.auditor).action_scm_decide_level_three(
            "屡次违规，情节严重"
        )
        self.assertEqual(finding.level, "3")
        self.assertEqual(finding.escalation_ids[-1].reason, "屡次违规，情节严重")
        circular = self.env["scm.notice"].search(
            [("res_model", "=", finding._name), ("res_id", "=", finding.id)]
        )
        self.assertTrue(circular)
        self.assertIn(self.bj_consultant.partner_id, circular.recipient_ids)

    def test_aud_esc_01_level_three_cannot_be_written(self):
        report = self.make_report()
        with self.assertRaisesRegex(UserError, "Level 3"):
            self.make_finding(report, level="3")
        finding = self.make_finding(report)
        with self.assertRaisesRegex(UserError, "Level 3"):
            self.as_client(finding, self.auditor).write({"level": "3"})
        self.assertEqual(finding.level, "1")

    def test_aud_esc_01_every_level_creates_a_performance_entry(self):
        finding = self.confirmed_finding()
        self.assertTrue(finding.escalation_ids.assessment_entry_ids)
        self.as_client(finding, self.auditor).action_scm_decide_level_three("严重")
        self.assertEqual(len(finding.escalation_ids), 2)
        for line in finding.escalation_ids:
            self.assertIn(
                self.wh_consultant, line.assessment_entry_ids.mapped("user_id")
            )


@tagged("post_install", "-at_install")
class TestAuditTrainingAndAnyRecord(ScmAuditCase):
    def test_aud_gen_05_finding_raises_training_need(self):
        """AUD-GEN-05: a finding can generate a training-need record for the
        Training Dept, visible in scm_training."""
        finding = self.confirmed_finding()
        need = self.as_client(finding, self.auditor).action_scm_raise_training_need(
            "武汉分公司需补充销售计划编制培训"
        )
        self.assertEqual(finding.training_need_id, need)
        seen = self.as_client(
            self.env["scm.training.need"], self.users["training.manager"]
        )
        self.assertIn(need, seen.search([]))
        self.assertEqual(need.res_model, finding._name)
        with self.assertRaisesRegex(UserError, "already"):
            self.as_client(finding, self.auditor).action_scm_raise_training_need("x")

    def test_aud_ctr_04_open_a_finding_on_any_record(self):
        """AUD-CTR-04: Audit users can open a finding on any record (the
        Action menu of every audited model) and it joins the unit's draft
        report of the month."""
        contract = self.env["scm.contract"].search(
            [("company_id", "=", self.wuhan.id)], limit=1
        )
        self.assertTrue(contract, "the demo has a Wuhan contract")
        bindings = self.env["ir.actions.act_window"].search(
            [
                ("res_model", "=", "scm.audit.finding.open.wizard"),
                ("binding_model_id.model", "=", "scm.contract"),
            ]
        )
        self.assertEqual(len(bindings), 1)
        self.assertIn(self.env.ref("scm_base.group_auditor"), bindings.groups_id)
        Wizard = self.as_client(
            self.env["scm.audit.finding.open.wizard"],
            self.auditor,
            active_model="scm.contract",
            active_id=contract.id,
        )
        form = Form(Wizard)
        form.audited_user_id = self.wh_manager
        form.rule_code = "CON-ARCH-01"
        form.title = "合同原件未按期归档（测试）"
        form.description = "抽查发现合同原件未在规定期限内交档案管理员。"
        action = form.save().action_open()
        finding = self.Finding.browse(action["res_id"])
        self.assertEqual(finding.res_model, "scm.contract")
        self.assertEqual(finding.res_id, contract.id)
        self.assertEqual(finding.company_id, contract.company_id)
        self.assertEqual(finding.report_id.state, "draft")
        # A second one the same month joins the same draft report.
        again = Form(Wizard)
        again.audited_user_id = self.wh_manager
        again.rule_code = "CON-ARCH-01"
        again.title = "另一发现（测试）"
        again.description = "x"
        other = self.Finding.browse(again.save().action_open()["res_id"])
        self.assertEqual(other.report_id, finding.report_id)

    def test_aud_ctr_04_only_audit_opens_findings(self):
        contract = self.env["scm.contract"].search(
            [("company_id", "=", self.wuhan.id)], limit=1
        )
        with self.assertRaises(UserError):
            self.as_client(
                self.env["scm.audit.finding.open.wizard"], self.wh_manager
            ).create(
                {
                    "res_model": "scm.contract",
                    "res_id": contract.id,
                    "company_id": self.wuhan.id,
                    "audited_user_id": self.wh_consultant.id,
                    "rule_code": "CON-ARCH-01",
                    "title": "x",
                    "description": "x",
                }
            ).action_open()


@tagged("post_install", "-at_install")
class TestAuditScope(ScmAuditCase):
    def test_aud_gen_06_audit_reads_every_contract_project_and_plan(self):
        """AUD-GEN-06: Audit Dept users read every C/R contract (S&C and
        Secondary), their projects and plans, with only HQ active as after
        login, and a finding can reference these documents."""
        checked = 0
        for model, domain in (
            ("scm.contract", [("contract_type", "in", ("sc", "secondary"))]),
            ("project.project", [("scm_contract_id", "!=", False)]),
            ("scm.project.plan", []),
        ):
            everything = self.env[model].sudo().search(domain)
            self.assertTrue(everything, f"the demo has {model} records")
            seen = self.as_client(self.env[model], self.auditor).search(domain)
            self.assertEqual(seen, everything, model)
            checked += len(everything)
        self.assertGreater(checked, 3)
        contract = self.env["scm.contract"].search(
            [("company_id", "=", self.wuhan.id), ("contract_type", "=", "sc")], limit=1
        )
        plan = self.env["scm.project.plan"].search([], limit=1)
        report = self.make_report()
        for record in (contract, plan):
            finding = self.make_finding(
                report, res_model=record._name, res_id=record.id
            )
            self.assertEqual(finding._scm_evidence(), record)
        # A branch user may not reference another branch's document.
        beijing = self.env["scm.contract"].search(
            [("company_id", "=", self.beijing.id)], limit=1
        )
        self.assertFalse(
            self.as_client(self.env["scm.contract"], self.wh_manager).search(
                [("id", "=", beijing.id)]
            )
        )


@tagged("post_install", "-at_install")
class TestAuditAccess(ScmAuditCase):
    def test_aud_gen_06_only_audit_and_supervision_write(self):
        """AUD-GEN-06 (responsible: the Supervision Center's Audit Dept): only
        the Audit Dept and the Supervision Center write audit records,
        whatever the context the client sends."""
        for user in (self.wh_manager, self.president, self.bj_consultant):
            with (
                self.subTest(user=user.login),
                self.assertRaises(UserError),
            ):
                self.as_client(self.Report, user, **FORGED_CONTEXT).create(
                    {"title": "x", "company_id": self.wuhan.id}
                )
        report = self.as_client(self.Report, self.sc_manager).create(
            {"title": "督导中心稽核（测试）", "company_id": self.wuhan.id}
        )
        self.assertEqual(report.manager_user_id, self.wh_manager)

    def test_aud_audited_see_only_their_confirmed_findings(self):
        """The audited see their own findings (once the report is confirmed);
        another branch sees nothing; the President reads everything."""
        report = self.make_report()
        finding = self.make_finding(report, self.wh_consultant)
        self.assertFalse(
            self.as_client(self.Finding, self.wh_consultant).search(
                [("id", "=", finding.id)]
            )
        )
        self.as_client(report, self.auditor).action_confirm()
        for user, sees in (
            (self.wh_consultant, True),
            (self.wh_manager, True),
            (self.wh_consultant2, False),
            (self.bj_manager, False),
            (self.bj_consultant, False),
            (self.president, True),
            (self.auditor, True),
        ):
            with self.subTest(user=user.login):
                found = self.as_client(self.Finding, user).search(
                    [("id", "=", finding.id)]
                )
                self.assertEqual(bool(found), sees)
                found = self.as_client(self.Report, user).search(
                    [("id", "=", report.id)]
                )
                # The report is the unit's: its manager reads it whole, a
                # person his own findings only.
                self.assertEqual(bool(found), sees and user != self.wh_consultant)
                if sees:
                    # Delegated fields read through OCA's nonconformity.
                    self.as_client(finding, user).read(["stage_id", "ref", "title"])
                else:
                    with self.assertRaises(AccessError):
                        self.as_client(finding, user).read(["title"])

    def test_aud_hq_auditor_with_only_hq_active_reads_branch_findings(self):
        """The web client activates only HQ after an HQ login: the auditor
        still reads and works on a Wuhan finding."""
        finding = self.confirmed_finding()
        env_finding = self.as_client(finding, self.auditor)
        self.assertEqual(env_finding.env.context["allowed_company_ids"], [self.hq.id])
        env_finding.read(["title", "stage_id", "ref", "severity_id"])
        self.assertIn(finding, self.as_client(self.Finding, self.auditor).search([]))

    def test_aud_audited_cannot_edit_finding_or_oca_records(self):
        finding = self.planned_finding(due=self.today)
        for user in (self.wh_consultant, self.wh_manager):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    self.as_client(finding, user, **FORGED_CONTEXT).write(
                        {"title": "改"}
                    )
                with self.assertRaises(UserError):
                    self.as_client(
                        finding.nonconformity_id, user, **FORGED_CONTEXT
                    ).write({"description": "改"})
                with self.assertRaises(UserError):
                    self.as_client(finding.rectification_action_id, user).write(
                        {"date_deadline": self.today + timedelta(days=90)}
                    )
                with self.assertRaises(UserError):
                    self.as_client(finding, user).unlink()
        # Even the auditor edits a confirmed finding only through its steps.
        with self.assertRaisesRegex(UserError, "steps"):
            self.as_client(finding, self.auditor).write({"rule_code": "SAL-PLAN-02"})
        with self.assertRaises(UserError):
            self.as_client(finding.nonconformity_id, self.auditor).write(
                {"stage_id": self.env.ref("mgmtsystem_nonconformity.stage_done").id}
            )
        self.assertEqual(finding.state, "planned")

    def test_aud_escalations_and_queue_are_read_only(self):
        finding = self.confirmed_finding()
        line = finding.escalation_ids
        for user in (self.auditor, self.env.ref("base.user_admin")):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    self.as_client(line, user, **FORGED_CONTEXT).write({"level": "3"})
                with self.assertRaises(UserError):
                    self.as_client(line, user).unlink()
                with self.assertRaises(UserError):
                    self.as_client(self.Proposal, user, **FORGED_CONTEXT).create(
                        {
                            "name": "x",
                            "kind": "deadline",
                            "fact_key": "forged",
                            "company_id": self.wuhan.id,
                        }
                    )
        self.assertEqual(line.level, "1")
