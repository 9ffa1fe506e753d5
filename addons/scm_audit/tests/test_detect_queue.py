from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.attacks import client_env

from .common import ScmAuditCase


@tagged("post_install", "-at_install")
class TestDetectQueue(ScmAuditCase):
    """Automatic detection (AUD-CTR-02, AUD-CTR-03, AUD-CTR-04): the facts
    the other addons recorded are proposed in the work queue, each once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Deadline = cls.env["scm.deadline"].sudo()
        cls.partner = cls.env["res.partner"].search(
            [("company_id", "=", cls.wuhan.id)], limit=1
        ) or cls.env.ref("base.res_partner_1")
        cls.now = fields.Datetime.now()

    # -- helpers ---------------------------------------------------------------------
    def make_deadline(self, rule="SAL-PLAN-01", days=-3, user=None, **vals):
        """A deadline of `user` (wh.consultant) on a Wuhan customer, due
        `days` from now."""
        values = {
            "name": f"测试期限 {rule}",
            "rule_code": rule,
            "res_model": "res.partner",
            "res_id": self.partner.id,
            "res_name": self.partner.display_name,
            "company_id": self.wuhan.id,
            "user_id": (user or self.wh_consultant).id,
            "unit": "working_days",
            "amount": 2,
            "start_date": self.now + timedelta(days=days - 2),
            "due_date": self.now + timedelta(days=days),
        }
        values.update(vals)
        return self.Deadline.create(values)

    def detect(self, user=None):
        return self.as_client(self.Proposal, user or self.auditor)._scm_detect()

    def proposal(self, key):
        return self.Proposal.sudo().search([("fact_key", "=", key)])

    def customer_project(self):
        """A customer project in delivery whose contract is in force, with
        its PM."""
        in_force = self.env["scm.contract"]._scm_in_force_stages()
        project = self.env["project.project"].search(
            [
                ("scm_contract_id.stage", "in", list(in_force)),
                ("user_id", "!=", False),
                ("scm_phase", "in", ["kickoff", "research", "elements", "runin"]),
            ],
            limit=1,
        )
        self.assertTrue(project, "the demo has a customer project in delivery")
        return project

    def overdue_payment(self, project, days=5):
        return (
            self.env["scm.contract.milestone"]
            .sudo()
            .create(
                {
                    "contract_id": project.scm_contract_id.id,
                    "name": f"测试回款 {days}",
                    "amount": 1000.0,
                    "trigger": "date",
                    "due_date": self.today - timedelta(days=days),
                }
            )
        )

    # -- missed deadlines (AUD-CTR-04) -------------------------------------------------
    def test_aud_ctr_04_missed_deadlines_proposed_by_rule_and_person(self):
        """AUD-CTR-04: every missed deadline of every chapter (open and past
        due, or met late) is proposed with its rule, person, branch and
        document; deadlines still running, without a rule, of the Audit Dept
        itself or of a rule a specific detection owns are not."""
        missed = self.make_deadline("SAL-PLAN-01")
        late = self.make_deadline(
            "CON-SEC-02",
            user=self.wh_manager,
            state="done",
            done_date=self.now - timedelta(days=1),
            done_late=True,
        )
        sub_rule = self.make_deadline("PRJ-BRD-05.1")
        running = self.make_deadline("SAL-PLAN-02", days=3)
        met = self.make_deadline("SAL-PLAN-02", state="done", done_late=False)
        no_rule = self.make_deadline(False)
        own = self.make_deadline("AUD-GEN-04")
        report = self.make_deadline("PRJ-TRK-09")
        counts = self.detect()
        self.assertGreaterEqual(counts["deadline"], 3)
        proposal = self.proposal(f"deadline:{missed.id}")
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.kind, "deadline")
        self.assertEqual(proposal.rule_code, "SAL-PLAN-01")
        self.assertEqual(proposal.user_id, self.wh_consultant)
        self.assertEqual(proposal.company_id, self.wuhan)
        self.assertEqual(proposal.proposed_level, "1")
        self.assertEqual(proposal.state, "proposed")
        self.assertEqual(
            (proposal.res_model, proposal.res_id), ("res.partner", self.partner.id)
        )
        late_proposal = self.proposal(f"deadline:{late.id}")
        self.assertEqual(late_proposal.user_id, self.wh_manager)
        self.assertEqual(late_proposal.rule_code, "CON-SEC-02")
        self.assertIn("late", late_proposal.description)
        # "PRJ-BRD-05.1" is a deadline of the manual's rule PRJ-BRD-05.
        self.assertEqual(
            self.proposal(f"deadline:{sub_rule.id}").rule_code, "PRJ-BRD-05"
        )
        for deadline in (running, met, no_rule, own, report):
            self.assertFalse(self.proposal(f"deadline:{deadline.id}"), deadline.name)

    def test_aud_ctr_04_deleted_document_is_no_evidence(self):
        """AUD-CTR-04: a missed deadline whose document no longer exists is
        still proposed, naming no record as evidence (a finding's evidence
        must exist), and can be confirmed."""
        missed = self.make_deadline(
            "SAL-CUST-02", res_id=10**8, res_name="已删除的测试客户"
        )
        self.detect()
        proposal = self.proposal(f"deadline:{missed.id}")
        self.assertEqual(len(proposal), 1)
        self.assertFalse(proposal.res_model)
        self.assertEqual(proposal.res_name, "已删除的测试客户")
        finding = self.as_client(proposal, self.auditor).action_confirm()
        self.assertEqual(finding.origin, "deadline")

    def test_aud_ctr_04_detection_twice_proposes_each_fact_once(self):
        """AUD-CTR-04: the same fact is never proposed twice: a second run
        proposes nothing new, and a deadline met late after it was proposed
        open stays one fact."""
        missed = self.make_deadline("SAL-PLAN-01")
        self.detect()
        second = self.detect()
        self.assertEqual(sum(second.values()), 0, second)
        missed.write({"state": "done", "done_date": self.now, "done_late": True})
        self.assertEqual(sum(self.detect().values()), 0)
        self.assertEqual(len(self.proposal(f"deadline:{missed.id}")), 1)

    def test_aud_ctr_04_dismissed_proposal_is_not_proposed_again(self):
        """AUD-CTR-04: a proposal dismissed with a reason stays dismissed;
        the detection does not bring the fact back."""
        missed = self.make_deadline("SAL-CUST-02")
        self.detect()
        proposal = self.proposal(f"deadline:{missed.id}")
        self.as_client(proposal, self.auditor).action_dismiss(
            "已口头说明原因，免予处理"
        )
        self.assertEqual(proposal.state, "dismissed")
        self.detect()
        again = self.proposal(f"deadline:{missed.id}")
        self.assertEqual(again, proposal)
        self.assertEqual(again.state, "dismissed")

    def test_aud_ctr_04_procedure_violation_proposed(self):
        """AUD-CTR-04: a procedure-violation log entry (ORG-RULE-05, an
        unsigned document sent) appears in the work queue against whoever
        attempted it."""
        violation = (
            self.env["scm.procedure.violation"]
            .with_user(self.wh_consultant)
            ._scm_log(self.partner, "Send", "The branch manager has not signed.")
        )
        self.detect()
        proposal = self.proposal(f"violation:{violation.id}")
        self.assertEqual(proposal.kind, "violation")
        self.assertEqual(proposal.rule_code, "ORG-RULE-05")
        self.assertEqual(proposal.user_id, self.wh_consultant)
        self.assertEqual(proposal.company_id, violation.company_id or self.wuhan)
        self.assertEqual(proposal.res_model, "res.partner")

    # -- plan milestones (AUD-CTR-02) --------------------------------------------------
    def _plan_line(self, end_days_ago, unit=None):
        plan = self.env["scm.project.plan"].search(
            [
                ("state", "in", ["issued", "approved"]),
                ("project_id.scm_phase", "not in", ["cancelled", "closed"]),
            ],
            limit=1,
        )
        self.assertTrue(plan, "the demo has an issued plan")
        return (
            self.env["project.task"]
            .sudo()
            .create(
                {
                    "name": f"测试计划节点 {end_days_ago}",
                    "project_id": plan.project_id.id,
                    "scm_plan_id": plan.id,
                    "scm_track": "software",
                    "scm_planned_start": self.today - timedelta(days=30),
                    "scm_planned_end": self.today - timedelta(days=end_days_ago),
                    "scm_responsible_department_id": (
                        unit or self.env.ref("scm_base.dept_software")
                    ).id,
                }
            )
        )

    def _notice(self, task, days_before_end, scope="external"):
        """A notice given `days_before_end` calendar days before the line's
        planned end, submitted, moving the end 10 days later."""
        notice = (
            self.env["scm.project.delay.notice"]
            .sudo()
            .create(
                {
                    "project_id": task.project_id.id,
                    "scope": scope,
                    "issuer_department_id": task.scm_responsible_department_id.id,
                    "reason": "接口联调延误",
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "task_id": task.id,
                                "new_planned_end": task.scm_planned_end
                                + timedelta(days=10),
                            },
                        )
                    ],
                }
            )
        )
        notice._scm_step_write(
            {
                "state": "submitted",
                "notice_date": task.scm_planned_end - timedelta(days=days_before_end),
            }
        )
        return notice

    def test_aud_ctr_02_milestone_overdue_without_notice_proposes_level_1(self):
        """AUD-CTR-02: a plan milestone overdue without a notice submitted at
        least 2 days beforehand (PRJ-TRK-05/06) proposes a level-1 finding
        against the responsible person (the line's unit's head)."""
        task = self._plan_line(3)
        self.detect()
        key = f"plan_line:{task.id}:{task.scm_planned_end.isoformat()}"
        proposal = self.proposal(key)
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.kind, "delay_notice")
        self.assertEqual(proposal.proposed_level, "1")
        self.assertEqual(proposal.rule_code, "PRJ-TRK-05")
        self.assertEqual(proposal.user_id, task._scm_responsible_manager())
        self.assertEqual(
            proposal.user_id,
            self.env.ref("scm_base.dept_software").manager_id.user_id,
        )
        # The Software Dept is an HQ unit: its audit is HQ's, of that unit.
        self.assertEqual(proposal.company_id, self.hq)
        self.assertEqual(proposal.department_id, self.env.ref("scm_base.dept_software"))
        self.assertEqual(
            (proposal.res_model, proposal.res_id), ("project.task", task.id)
        )

    def test_aud_ctr_02_timely_notice_is_no_fact_late_notice_is(self):
        """AUD-CTR-02: a notice given 2 days or more before the planned end
        (the boundary: 2) covers the milestone; one given 1 day before is
        late and the milestone is proposed once, with the notice as
        evidence; a line not yet due is no fact."""
        timely = self._plan_line(3)
        self._notice(timely, 2)
        late = self._plan_line(3)
        notice = self._notice(late, 1, scope="internal")
        running = self._plan_line(-5)
        self.detect()
        self.assertFalse(
            self.proposal(f"plan_line:{timely.id}:{timely.scm_planned_end}")
        )
        self.assertFalse(
            self.proposal(f"plan_line:{running.id}:{running.scm_planned_end}")
        )
        proposal = self.proposal(f"plan_line:{late.id}:{late.scm_planned_end}")
        self.assertEqual(len(proposal), 1)
        self.assertEqual(
            (proposal.res_model, proposal.res_id), (notice._name, notice.id)
        )
        self.assertEqual(proposal.rule_code, "PRJ-TRK-06")
        # The notice applied moves the end: the old end stays one fact, a new
        # end missed again without notice would be a new one.
        notice._scm_apply()
        self.assertEqual(sum(self.detect().values()), 0)

    # -- collections (AUD-CTR-03) ------------------------------------------------------
    def test_aud_ctr_03_reminder_without_pm_report_proposed_as_collection(self):
        """AUD-CTR-03: an overdue collection whose Payment Reminder Notice
        the PM did not answer within 1 day (PRJ-TRK-09) proposes a finding
        against the PM, as a collection and not as a missed deadline."""
        project = self.customer_project()
        payment = self.overdue_payment(project, days=2)
        reminder = (
            self.env["scm.project.payment.reminder"]
            .sudo()
            .create({"project_id": project.id, "milestone_id": payment.id})
        )
        # Finance reminded the PM the day after the due date.
        reminder.write({"issued_date": self.now - timedelta(days=1)})
        deadline = self.Deadline.search(
            [
                ("res_model", "=", reminder._name),
                ("res_id", "=", reminder.id),
                ("rule_code", "=", "PRJ-TRK-09"),
            ]
        )
        self.assertEqual(len(deadline), 1)
        self.detect()
        self.assertFalse(self.proposal(f"collection:reminder:{reminder.id}"))
        deadline.write({"due_date": self.now - timedelta(hours=2)})
        self.detect()
        proposal = self.proposal(f"collection:reminder:{reminder.id}")
        self.assertEqual(proposal.kind, "collection")
        self.assertEqual(proposal.rule_code, "PRJ-TRK-09")
        self.assertEqual(proposal.user_id, project.user_id)
        self.assertEqual(
            (proposal.res_model, proposal.res_id), (reminder._name, reminder.id)
        )
        self.assertFalse(self.proposal(f"deadline:{deadline.id}"))
        # Finance reminded in time: the payment is not proposed a second time.
        self.assertFalse(self.proposal(f"collection:milestone:{payment.id}"))

    def test_aud_ctr_03_payment_left_unreported_before_a_late_reminder(self):
        """AUD-CTR-03: a payment a year overdue that the PM never reported on
        until Finance's reminder (汉江制衣's acceptance payment in the demo)
        is proposed as the collection left without a report."""
        project = self.customer_project()
        payment = self.overdue_payment(project, days=365)
        reminder = (
            self.env["scm.project.payment.reminder"]
            .sudo()
            .create({"project_id": project.id, "milestone_id": payment.id})
        )
        self.detect()
        proposal = self.proposal(f"collection:milestone:{payment.id}")
        self.assertEqual(proposal.kind, "collection")
        self.assertEqual(proposal.user_id, project.user_id)
        self.assertFalse(self.proposal(f"collection:reminder:{reminder.id}"))

    def test_aud_ctr_03_overdue_payment_without_any_report_proposed(self):
        """AUD-CTR-03: a payment more than a day past due, with no reminder
        and no report of the PM, proposes a finding against the PM; one due
        yesterday is still within the day."""
        project = self.customer_project()
        overdue = self.overdue_payment(project, days=2)
        yesterday = self.overdue_payment(project, days=1)
        self.detect()
        proposal = self.proposal(f"collection:milestone:{overdue.id}")
        self.assertEqual(proposal.kind, "collection")
        self.assertEqual(proposal.user_id, project.user_id)
        self.assertEqual(proposal.company_id, project.company_id)
        self.assertFalse(self.proposal(f"collection:milestone:{yesterday.id}"))

    # -- confirming --------------------------------------------------------------------
    def test_aud_ctr_03_04_confirmed_proposals_become_findings_of_the_unit(self):
        """AUD-CTR-03/04: confirming a missed-deadline and a collection
        proposal makes findings in the unit's draft report of the month,
        with their origin and proposal."""
        missed = self.make_deadline("SAL-PLAN-01")
        project = self.customer_project()
        payment = self.overdue_payment(project)
        self.detect()
        deadline_proposal = self.proposal(f"deadline:{missed.id}")
        collection = self.proposal(f"collection:milestone:{payment.id}")
        findings = self.as_client(
            deadline_proposal | collection, self.auditor
        ).action_confirm()
        self.assertEqual(len(findings), 2)
        first = deadline_proposal.finding_id
        self.assertEqual(first.origin, "deadline")
        self.assertEqual(first.proposal_id, deadline_proposal)
        self.assertEqual(first.audited_user_id, self.wh_consultant)
        self.assertEqual(first.rule_code, "SAL-PLAN-01")
        self.assertEqual(first.report_id, self.Report._scm_draft_for(self.wuhan))
        self.assertEqual(first.report_id.state, "draft")
        second = collection.finding_id
        self.assertEqual(second.origin, "collection")
        self.assertEqual(second.audited_user_id, project.user_id)
        self.assertEqual(
            second.report_id, self.Report._scm_draft_for(project.company_id)
        )
        self.assertEqual(deadline_proposal.state, "confirmed")
        self.assertEqual(sum(self.detect().values()), 0)

    # -- who may run it ----------------------------------------------------------------
    def test_aud_ctr_04_only_audit_and_supervision_run_detection(self):
        """AUD-CTR-04: only the Audit Dept and the Supervision Center run the
        detection; others are refused, also with a forged context, and
        nothing is proposed."""
        missed = self.make_deadline("SAL-PLAN-01")
        for user in (
            self.wh_manager,
            self.wh_consultant,
            self.president,
            self.bj_manager,
        ):
            with self.assertRaises(UserError):
                self.as_client(self.Proposal, user).action_scm_detect()
            with self.assertRaises(UserError):
                self.Proposal.with_env(client_env(self.env, user))._scm_detect()
        self.assertFalse(self.proposal(f"deadline:{missed.id}"))
        action = self.as_client(self.Proposal, self.sc_manager).action_scm_detect()
        self.assertEqual(action["tag"], "display_notification")
        self.assertTrue(self.proposal(f"deadline:{missed.id}"))

    def test_aud_ctr_04_daily_cron_runs_detection(self):
        """AUD-CTR-04: the daily job proposes as the system does."""
        missed = self.make_deadline("SAL-PLAN-01")
        cron = self.env.ref("scm_audit.ir_cron_scm_audit_detect")
        self.assertEqual(cron.interval_type, "days")
        cron.method_direct_trigger()
        self.assertTrue(self.proposal(f"deadline:{missed.id}"))
