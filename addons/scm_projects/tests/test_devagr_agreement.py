from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.scm_base.tests.common import china_today

from .devagr_common import ScmDevagrCase


@tagged("post_install", "-at_install")
class TestDevagrAgreement(ScmDevagrCase):
    """PRJ-DEV-10..16: the agreement, its memoranda, the execution status
    sheet, QC and the requirement side's acceptance."""

    def test_prj_dev_10_no_agreement_before_confirmed_analysis(self):
        """PRJ-DEV-10: the agreement cannot be created unless the analysis
        report is confirmed, nor while work plans are missing (PRJ-DEV-04);
        only the Requirement Project Lead drafts it."""
        work = self.work_at("argumentation")
        vals = {"work_id": work.id, "cost": 1000}
        with self.assertRaisesRegex(
            UserError, "Argumentation: it can be given a development"
        ):
            self.as_client(self.Agreement, self.mrd_manager).create(vals)
        self.confirmed_analysis(work)
        with self.assertRaisesRegex(UserError, "Requirement Project Lead"):
            self.as_client(self.Agreement, self.sw_manager).create(vals)
        with (
            patch.object(
                type(self.DevWork),
                "_scm_agreement_blockers",
                lambda self: ["the QC work plan is missing"],
            ),
            self.assertRaisesRegex(UserError, "QC work plan is missing"),
        ):
            self.as_client(self.Agreement, self.mrd_manager).create(vals)
        self.assertFalse(self.Agreement.sudo().search([("work_id", "=", work.id)]))
        agreement = self.as_client(self.Agreement, self.mrd_manager).create(vals)
        self.assertEqual(agreement.analysis_id.stage, "confirmed")

    def test_prj_dev_11_signing_needs_its_attachments(self):
        """PRJ-DEV-11: signing is refused without the system analysis report
        (the second report) and the development schedule attached."""
        work = self.work_at("analysis")
        self.confirmed_analysis(work)
        agreement = self.as_client(self.Agreement, self.mrd_manager).create(
            {
                "work_id": work.id,
                "work_content": "<p>订单模块</p>",
                "completion_date": china_today(),
                "cost": 5000,
                "rights_obligations": "<p>按期交付</p>",
            }
        )
        with self.assertRaisesRegex(UserError, "Requirements Confirmed"):
            agreement.action_submit()
        self.confirmed_system_analysis(work)
        with self.assertRaisesRegex(UserError, "development schedule"):
            agreement.action_submit()
        self.assertEqual(agreement.stage, "draft")
        self.assertFalse(agreement.sudo().scm_deadline_ids)

    def test_prj_dev_10_13_done_when_signed_in_a_day_then_memo(self):
        """PRJ-DEV-10, PRJ-DEV-13: both managers sign within 1 WD (deadlines), four
        holders, the execution sheet opens; the cost and dates change only
        through a memo signed by both project leads."""
        work = self.work_at("analysis", software_lead_id=self.sw_manager.id)
        self.confirmed_analysis(work)
        self.confirmed_system_analysis(work)
        due = fields.Date.add(china_today(), days=30)
        agreement = self.as_client(self.Agreement, self.mrd_manager).create(
            {
                "work_id": work.id,
                "work_content": "<p>订单模块开发</p>",
                "completion_date": due,
                "cost": 80000,
                "rights_obligations": "<p>按期交付</p>",
            }
        )
        schedule = self.attachment(self.mrd_manager, "开发进度表.xlsx")
        agreement.write({"schedule_attachment_ids": [(4, schedule.id)]})
        agreement.action_submit()
        deadlines = agreement.sudo().scm_deadline_ids
        self.assertEqual(deadlines.user_id, self.mrd_manager | self.sw_manager)
        self.assertEqual(set(deadlines.mapped("amount")), {1})
        self.assertEqual(set(deadlines.mapped("rule_code")), {"PRJ-DEV-10"})
        with self.assertRaisesRegex(UserError, "may not give the signature"):
            self.as_client(agreement, self.sw_manager).action_sign_mrd()
        self.as_client(agreement, self.mrd_manager).action_sign_mrd()
        self.assertEqual(agreement.stage, "signing")
        self.as_client(agreement, self.sw_manager).action_sign_software()
        self.assertEqual(agreement.stage, "signed")
        self.assertEqual(set(deadlines.mapped("state")), {"done"})
        self.assertEqual(work.stage, "agreement")
        self.assertEqual(len(agreement.sudo().scm_distribution_ids), 4)
        self.assertEqual(len(agreement.execution_ids), 1)
        # no direct change of the terms
        for vals in ({"cost": 90000}, {"completion_date": china_today()}):
            with self.assertRaisesRegex(UserError, "memorandum"):
                self.as_client(agreement, self.mrd_manager).write(vals)
        self.assertEqual(agreement.cost, 80000)
        # the memo
        with self.assertRaisesRegex(UserError, "Requirement Project Lead"):
            self.as_client(self.Memo, self.sw_manager).create(
                {
                    "agreement_id": agreement.id,
                    "name": "延期",
                    "reason": "x",
                    "new_cost": 1,
                }
            )
        memo = self.as_client(self.Memo, self.mrd_manager).create(
            {
                "agreement_id": agreement.id,
                "name": "增加报表，延期十天",
                "reason": "客户增加三张报表",
                "new_completion_date": fields.Date.add(due, days=10),
                "new_cost": 88000,
            }
        )
        self.assertEqual(memo.work_id, work)
        memo.action_submit()
        self.as_client(memo, self.mrd_manager).action_sign_requirement_lead()
        self.assertEqual(agreement.effective_cost, 80000)
        with self.assertRaises(UserError):
            self.as_client(memo, self.mrd_manager).action_sign_software_lead()
        self.as_client(memo, self.sw_manager).action_sign_software_lead()
        self.assertEqual(memo.stage, "signed")
        self.assertEqual(agreement.effective_due_date, fields.Date.add(due, days=10))
        self.assertEqual(agreement.effective_cost, 88000)
        self.assertEqual(agreement.cost, 80000)
        self.assertIn(memo, agreement.memo_ids)
        # the Software Dept starts the development
        with self.assertRaisesRegex(UserError, "Software Dept"):
            self.as_client(agreement, self.mrd_manager).action_start_development()
        self.as_client(agreement, self.sw_manager).action_start_development()
        self.assertEqual(work.stage, "developing")

    def test_prj_dev_12_each_side_fills_its_own_section(self):
        """PRJ-DEV-12: software, QC and requirements each fill only their own
        section; Finance records the fee only on a completed sheet handed
        over by MRD."""
        work = self.work_at("analysis")
        agreement = self.signed_agreement(work)
        sheet = agreement.execution_ids
        with self.assertRaisesRegex(UserError, "Software Dept"):
            self.as_client(sheet, self.qc_manager).write(
                {"sw_actual_completion_date": china_today()}
            )
        with self.assertRaisesRegex(UserError, "QC Dept"):
            self.as_client(sheet, self.sw_manager).write({"qc_result": "pass"})
        with self.assertRaisesRegex(UserError, "Requirements"):
            self.as_client(sheet, self.sw_manager).write({"req_total_cost": 1})
        self.as_client(sheet, self.sw_manager).write(
            {"sw_actual_completion_date": china_today(), "sw_cost": 70000}
        )
        self.as_client(sheet, self.mrd_manager).write({"req_total_cost": 80000})
        with self.assertRaisesRegex(UserError, "Finance"):
            self.as_client(sheet, self.mrd_manager).write({"fee_amount": 80000})
        with self.assertRaisesRegex(UserError, "Being Filled"):
            self.as_client(sheet, self.finance).write({"fee_amount": 80000})
        with self.assertRaisesRegex(UserError, "Being Filled"):
            self.as_client(sheet, self.finance).action_record_fee()
        with self.assertRaises(UserError):
            self.as_client(
                self.env["scm.dev.agreement.execution"], self.mrd_manager
            ).create({"agreement_id": agreement.id, "work_id": work.id})
        self.assertFalse(sheet.fee_amount)
        self.assertEqual(sheet.stage, "open")

    def test_prj_dev_14_no_qc_without_system_analysis(self):
        """PRJ-DEV-09/14: QC cannot start without a confirmed system analysis
        report provided to QC; nothing is written."""
        work = self.work_at("developing")
        with self.assertRaisesRegex(UserError, "system analysis report.*PRJ-DEV-09"):
            self.as_client(self.QcReport, self.qc_manager).create({"work_id": work.id})
        self.assertFalse(self.QcReport.sudo().search([("work_id", "=", work.id)]))

    def test_prj_dev_14_15_done_when_qc_then_acceptance_late(self):
        """PRJ-DEV-14/15/16 and PRJ-DEV-12: QC reports with its report and
        the user manual, the sheet's QC fields follow; the requirement side
        accepts with the days late counted from the memo's due date: a
        breach of the Software Dept; MRD hands the sheet to Finance, who
        records the fee."""
        work = self.work_at("analysis")
        agreement = self.signed_agreement(work, days=10)
        memo = self.as_client(self.Memo, self.mrd_manager).create(
            {
                "agreement_id": agreement.id,
                "name": "延期五天",
                "reason": "接口调整",
                "new_completion_date": fields.Date.add(
                    agreement.completion_date, days=5
                ),
            }
        )
        memo.action_submit()
        memo.action_sign_requirement_lead()
        self.as_client(memo, self.sw_manager).action_sign_software_lead()
        due = agreement.effective_due_date
        self.as_client(agreement, self.sw_manager).action_start_development()
        sheet = agreement.execution_ids
        self.as_client(sheet, self.sw_manager).write(
            {"sw_actual_completion_date": fields.Date.add(due, days=3)}
        )
        with self.assertRaisesRegex(UserError, "QC Dept"):
            self.as_client(self.QcReport, self.sw_manager).create({"work_id": work.id})
        qc = self.as_client(self.QcReport, self.qc_manager).create({"work_id": work.id})
        self.assertTrue(qc.system_analysis_id)
        qc.write({"result": "pass"})
        with self.assertRaisesRegex(UserError, "user manual"):
            qc.action_complete()
        qc.write(
            {
                "qc_report_attachment_ids": [
                    (4, self.attachment(self.qc_manager, "质检报告.pdf").id)
                ],
                "user_manual_attachment_ids": [
                    (4, self.attachment(self.qc_manager, "使用说明书.pdf").id)
                ],
            }
        )
        qc.action_complete()
        self.assertEqual(work.stage, "qc")
        self.assertEqual(sheet.qc_result, "pass")
        self.assertTrue(sheet.qc_date)
        with self.assertRaisesRegex(UserError, "Requirement Project Lead"):
            self.as_client(work, self.sw_manager).action_dev_accept()
        self.as_client(work, self.mrd_manager).action_dev_accept()
        self.assertEqual(work.dev_due_date, due)
        self.assertEqual(work.dev_days_late, 3)
        self.assertTrue(work.dev_breach_software)
        self.assertFalse(work.dev_breach_qc or work.dev_breach_requirements)
        self.assertEqual(work.stage, "breach")
        # the sheet goes to Finance
        self.as_client(sheet, self.mrd_manager).write({"req_total_cost": 80000})
        self.as_client(sheet, self.mrd_manager).action_complete()
        with self.assertRaisesRegex(UserError, "Completed"):
            self.as_client(sheet, self.finance).action_record_fee()
        self.as_client(sheet, self.mrd_manager).action_hand_over()
        self.as_client(sheet, self.finance).write({"fee_amount": 80000})
        self.as_client(sheet, self.finance).action_record_fee()
        self.assertEqual(sheet.stage, "paid")
        # Audit reads it all, writes nothing
        for record in (agreement, memo, sheet, qc):
            self.as_client(record, self.auditor).read(["stage"])
        with self.assertRaises(AccessError):
            self.as_client(agreement, self.auditor).write({"name": "x"})

    def test_prj_dev_15_on_time_and_passed_is_accepted(self):
        """PRJ-DEV-15: delivered on time with a passed QC report: accepted,
        no breach; a failed QC report is the Software Dept's breach."""
        for result, stage in (("pass", "accepted"), ("fail", "breach")):
            work = self.work_at("analysis")
            agreement = self.signed_agreement(work)
            agreement.execution_ids.sudo().write(
                {"sw_actual_completion_date": china_today()}
            )
            work.sudo().write({"stage": "developing"})
            qc = self.QcReport.sudo().create({"work_id": work.id, "result": result})
            qc.write(
                {
                    "qc_report_attachment_ids": [
                        (4, self.attachment(self.qc_manager, "r.pdf").id)
                    ],
                    "user_manual_attachment_ids": [
                        (4, self.attachment(self.qc_manager, "m.pdf").id)
                    ],
                }
            )
            self.as_client(qc, self.qc_manager).action_complete()
            self.as_client(work, self.mrd_manager).action_dev_accept()
            self.assertEqual(work.stage, stage)
            self.assertEqual(work.dev_days_late, 0)
            self.assertEqual(work.dev_breach_software, result == "fail")

    def test_devagr_reports_render(self):
        """The five forms print (Chinese text, signatures)."""
        work = self.work_at("analysis")
        agreement = self.signed_agreement(work)
        analysis = agreement.analysis_id
        qc = self.QcReport.sudo().create({"work_id": work.id, "result": "pass"})
        memo = self.Memo.sudo().create(
            {"agreement_id": agreement.id, "name": "备忘", "reason": "x", "new_cost": 1}
        )
        for xmlid, record in (
            ("action_report_scm_dev_analysis", analysis),
            ("action_report_scm_dev_agreement", agreement),
            ("action_report_scm_dev_agreement_memo", memo),
            ("action_report_scm_dev_agreement_execution", agreement.execution_ids),
            ("action_report_scm_dev_qc_report", qc),
        ):
            html = self.env["ir.actions.report"]._render_qweb_html(
                f"scm_projects.{xmlid}", record.ids
            )[0]
            self.assertIn(work.name, html.decode())

    def test_devagr_reporting(self):
        """Reporting: developments by stage, late agreements and breaches,
        QC results."""
        work = self.work_at("analysis")
        agreement = self.signed_agreement(work, days=-2)
        self.assertTrue(agreement.late)
        late = self.env.ref("scm_projects.action_scm_dev_agreement_late")
        domain = safe_eval(late.domain)
        found = self.as_client(self.DevWork, self.mrd_manager).search(domain)
        self.assertIn(work, found)
        groups = self.as_client(self.DevWork, self.auditor).read_group(
            [], ["stage"], ["stage"]
        )
        self.assertTrue(any(g["stage"] == "agreement" for g in groups))
        self.as_client(self.QcReport, self.qc_manager).read_group(
            [], ["result"], ["result"]
        )

    def test_prj_sc_05_contract_project_runs_the_same_workflow(self):
        """PRJ-SC-05 / PRJ-SEC-01: a contract project's development runs the
        same steps as a product development, linked to its project: its
        agreement waits for the project's own QC and software plan sheets,
        then is signed by both managers like any other."""
        work = self.work_at(
            "analysis", kind="project", software_lead_id=self.sw_manager.id
        )
        self.assertEqual(work.project_id, self.project)
        self.assertEqual(len(work._scm_agreement_blockers()), 2)
        Plan = self.env["scm.project.plan"].sudo()
        for plan_type in ("qc", "software"):
            Plan.create({"project_id": self.project.id, "plan_type": plan_type}).write(
                {"state": "issued"}
            )
        agreement = self.signed_agreement(work)
        self.assertEqual(agreement.stage, "signed")
        self.assertEqual(agreement.work_id.project_id, self.project)
        self.assertEqual(work.stage, "agreement")
