from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .devagr_common import SECTIONS, ScmDevagrCase


@tagged("post_install", "-at_install")
class TestDevagrAnalysis(ScmDevagrCase):
    """PRJ-DEV-07/08/09 and SUP-REQ-03: the requirement analysis report, its
    argumentation and the system analysis report."""

    def _approved(self, work):
        analysis = self.as_client(self.Analysis, self.mrd_analyst).create(
            {"work_id": work.id, **SECTIONS}
        )
        analysis.action_submit()
        self.as_client(analysis, self.mrd_manager).action_approve()
        return analysis

    def test_prj_dev_07_five_sections_and_three_copies(self):
        """PRJ-DEV-07: the five sections are required; the lead's approval
        creates three copy lines (requirements, QC, software)."""
        work = self.work_at("analysis")
        analysis = self.as_client(self.Analysis, self.mrd_analyst).create(
            {"work_id": work.id, "business_flows": "<p>订单流程</p>"}
        )
        with self.assertRaisesRegex(UserError, "Document Flows.*PRJ-DEV-07"):
            analysis.action_submit()
        self.assertEqual(analysis.stage, "draft")
        analysis.write(SECTIONS)
        analysis.action_submit()
        self.assertEqual(analysis.stage, "review")
        with self.assertRaisesRegex(UserError, "Requirement Project Lead"):
            self.as_client(analysis, self.sw_manager).action_approve()
        self.assertEqual(analysis.stage, "review")
        self.as_client(analysis, self.mrd_manager).action_approve()
        self.assertEqual(analysis.stage, "argumentation")
        self.assertEqual(work.stage, "argumentation")
        units = analysis.sudo().scm_distribution_ids.recipient_department_id
        ref = self.env.ref
        self.assertEqual(
            set(units.ids),
            {
                ref(x).id
                for x in (
                    "scm_base.dept_mrd",
                    "scm_base.dept_qc",
                    "scm_base.dept_software",
                )
            },
        )
        self.assertEqual(len(analysis.sudo().scm_distribution_ids), 3)

    def test_prj_dev_07_written_by_requirements_only(self):
        """PRJ-DEV-07: the requirement team writes it, at the analysis stage."""
        work = self.work_at("analysis")
        with self.assertRaisesRegex(UserError, "Only Requirements"):
            self.as_client(self.Analysis, self.sw_manager).create(
                {"work_id": work.id, **SECTIONS}
            )
        early = self.work_at("research")
        with self.assertRaisesRegex(UserError, "Requirement Research"):
            self.as_client(self.Analysis, self.mrd_analyst).create(
                {"work_id": early.id, **SECTIONS}
            )
        self.assertFalse(
            self.Analysis.sudo().search([("work_id", "in", (work | early).ids)])
        )

    def test_prj_dev_08_done_when_one_objection_then_confirmation(self):
        """PRJ-DEV-08 / PRJ-DEV-16: mrd.manager, sw.manager and qc.manager
        argue the report through one objection (a new version, the old one
        read-only) to confirmation, which hands it to Software and QC."""
        work = self.work_at("analysis")
        v1 = self._approved(work)
        self.as_client(v1, self.sw_manager).action_sign_software()
        v2 = self.as_client(v1, self.qc_manager).action_object("缺少库存查询")
        self.assertEqual(v1.stage, "adjust")
        self.assertEqual(v1.objection_side, "qc")
        self.assertEqual((v2.version, v2.stage, v2.previous_id), (2, "draft", v1))
        self.assertEqual(v2.business_flows, v1.business_flows)
        self.assertEqual(work.stage, "argumentation")
        with self.assertRaisesRegex(UserError, "Adjusted"):
            self.as_client(v1, self.mrd_manager).write({"print_formats": "<p>x</p>"})
        with self.assertRaisesRegex(UserError, "Argumentation"):
            self.as_client(v1, self.mrd_manager).action_sign_requirements()
        v2 = self.as_client(v2, self.mrd_analyst)
        v2.write({"document_content": "<p>订单内容与库存查询</p>"})
        v2.action_submit()
        self.as_client(v2, self.mrd_manager).action_approve()
        self.as_client(v2, self.mrd_manager).action_sign_requirements()
        self.as_client(v2, self.sw_manager).action_sign_software()
        self.assertEqual(v2.stage, "argumentation")
        self.as_client(v2, self.qc_manager).action_sign_qc()
        self.assertEqual(v2.stage, "confirmed")
        self.assertEqual(work.stage, "confirmed")
        self.assertTrue(v2.scm_signatures_complete)
        lines = v2.sudo().scm_distribution_ids
        self.assertEqual(len(lines), 5)
        self.assertEqual(
            lines[3:].recipient_department_id,
            self.env.ref("scm_base.dept_software") | self.env.ref("scm_base.dept_qc"),
        )

    def test_prj_dev_08_one_signature_per_side(self):
        """PRJ-DEV-08: a second signature by the same side is refused; the
        Software Dept cannot sign for requirements; an objection needs its
        reason."""
        work = self.work_at("analysis")
        analysis = self._approved(work)
        self.as_client(analysis, self.sw_manager).action_sign_software()
        with self.assertRaisesRegex(UserError, "already signed"):
            self.as_client(analysis, self.sw_manager).action_sign_software()
        with self.assertRaisesRegex(UserError, "may not give the signature"):
            self.as_client(analysis, self.sw_manager).action_sign_requirements()
        with self.assertRaisesRegex(UserError, "reason"):
            self.as_client(analysis, self.qc_manager).action_object("  ")
        with self.assertRaisesRegex(UserError, "participants"):
            self.as_client(analysis, self.finance).action_object("不同意")
        signed = analysis.sudo().scm_signature_ids.filtered(
            lambda s: s.state == "signed"
        )
        self.assertEqual(signed.mapped("slot"), ["software"])
        self.assertEqual(analysis.stage, "argumentation")

    def test_prj_dev_07_steps_are_not_written_directly(self):
        """ORG-RULE-11: stage, version and signatures only through the steps."""
        work = self.work_at("analysis")
        analysis = self.as_client(self.Analysis, self.mrd_analyst).create(
            {"work_id": work.id, **SECTIONS}
        )
        for vals in (
            {"stage": "confirmed"},
            {"version": 5},
            {"granted_user_ids": [(4, self.wh_consultant.id)]},
        ):
            with self.assertRaises(UserError):
                analysis.write(vals)
        self.assertEqual((analysis.stage, analysis.version), ("draft", 1))

    def test_sup_req_03_confidential_readers(self):
        """SUP-REQ-03: MRD, Software, QC and Audit read the report; a branch
        consultant, Finance and the Customer Center cannot; a PM grant opens
        it; the project team reads its project's report."""
        work = self.work_at("analysis")
        analysis = self.as_client(self.Analysis, self.mrd_analyst).create(
            {"work_id": work.id, **SECTIONS}
        )
        for user in (self.mrd_manager, self.sw_manager, self.qc_manager, self.auditor):
            self.as_client(analysis, user).read(["business_flows"])
        for user in (self.wh_consultant, self.finance, self.cc_manager):
            with self.assertRaises(AccessError):
                self.as_client(analysis, user).read(["business_flows"])
        with self.assertRaises(AccessError):
            self.as_client(analysis, self.auditor).write({"name": "x"})
        analysis.sudo().write({"granted_user_ids": [(4, self.wh_consultant.id)]})
        self.as_client(analysis, self.wh_consultant).read(["business_flows"])
        # a contract project's development: its PM reads, another branch not
        project_work = self.work_at("analysis", kind="project")
        report = self.Analysis.sudo().create({"work_id": project_work.id, **SECTIONS})
        self.as_client(report, self.project.user_id).read(["business_flows"])
        with self.assertRaises(AccessError):
            self.as_client(report, self.users["bj.manager"]).read(["business_flows"])

    def test_prj_dev_09_system_analysis_confirmed_and_provided_to_qc(self):
        """PRJ-DEV-09: Software writes it on confirmed requirements; the lead
        sends it back (adjust) or confirms it, providing it to QC."""
        work = self.work_at("argumentation")
        with self.assertRaisesRegex(UserError, "Argumentation"):
            self.as_client(self.SystemAnalysis, self.sw_manager).create(
                {"work_id": work.id, "content": "<p>设计</p>"}
            )
        work.sudo().write({"stage": "confirmed"})
        with self.assertRaisesRegex(UserError, "Software Dept"):
            self.as_client(self.SystemAnalysis, self.mrd_manager).create(
                {"work_id": work.id, "content": "<p>设计</p>"}
            )
        report = self.as_client(self.SystemAnalysis, self.sw_manager).create(
            {"work_id": work.id, "content": "<p>设计</p>"}
        )
        report.action_submit()
        with self.assertRaisesRegex(UserError, "Requirement Project Lead"):
            report.action_confirm()
        self.as_client(report, self.mrd_manager).action_return("补充接口设计")
        self.assertEqual((report.stage, report.revision), ("draft", 2))
        report.write({"content": "<p>设计与接口</p>"})
        report.action_submit()
        self.as_client(report, self.mrd_manager).action_confirm()
        self.assertEqual(report.stage, "confirmed")
        self.assertEqual(work.stage, "system_analysis")
        self.assertEqual(
            report.sudo().scm_distribution_ids.recipient_department_id,
            self.env.ref("scm_base.dept_qc"),
        )
        self.as_client(report, self.qc_manager).read(["content"])
        with self.assertRaises(AccessError):
            self.as_client(report, self.wh_consultant).read(["content"])

    def test_prj_dev_08_objection_through_the_form(self):
        """PRJ-DEV-08: the Object button asks the reason and runs the step
        with the user's own checks."""
        work = self.work_at("analysis")
        analysis = self._approved(work)
        action = self.as_client(analysis, self.qc_manager).action_open_objection()
        wizard = self.as_client(
            self.env[action["res_model"]].browse(action["res_id"]), self.qc_manager
        )
        wizard.reason = "打印格式不全"
        wizard.action_confirm()
        self.assertEqual(analysis.stage, "adjust")
        self.assertEqual(analysis.objection_reason, "打印格式不全")
        self.assertEqual(len(work.sudo().dev_analysis_ids), 2)
