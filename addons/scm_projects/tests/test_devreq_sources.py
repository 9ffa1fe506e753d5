from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.common import china_today

from .dev_common import ScmDevCase


@tagged("post_install", "-at_install")
class TestDevreqSources(ScmDevCase):
    """A contract project's requirement sources (PRJ-SC-04, PRJ-SEC-02/03),
    the customer requirement report's change form, priority and readers
    (SUP-REQ-01..03), and the general needs of an upgrade (PRJ-UPG-02)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sw_manager = cls.users["sw.manager"]
        cls.bj_manager = cls.users["bj.manager"]
        cls.outsider = cls.env.ref("scm_base.user_mcd_consultant")
        cls.r_project = cls.make_project(title="楚风服饰 门店自动补货二次开发（测试）")
        # An R project made the short way: the secondary contract's own chain
        # (CON-SEC) has its tests.
        cls.env.cr.execute(
            "UPDATE scm_contract SET contract_type = 'secondary' WHERE id = %s",
            [cls.r_project.scm_contract_id.id],
        )
        cls.env.cr.execute(
            "UPDATE project_project SET scm_contract_type = 'secondary' WHERE id = %s",
            [cls.r_project.id],
        )
        cls.env.invalidate_all()
        cls.template = (
            cls.env["scm.dev.requirement.template"]
            .with_user(cls.mrd_analyst)
            .create(
                {
                    "name": "客户需求报告单编写规范",
                    "version": "2026.1",
                    "specification": "背景、需求、期望结果、进度",
                }
            )
        )
        cls.pm = cls.r_project.user_id

    # -- helpers ----------------------------------------------------------------
    def new_report(self, project=None, **vals):
        values = {
            "name": "门店自动补货",
            "project_id": (project or self.r_project).id,
            "template_id": self.template.id,
            "content": "门店销售每日回传，按安全库存自动生成补货单。",
            **vals,
        }
        return self.as_client(
            self.env["scm.dev.requirement.report"], self.wh_consultant
        ).create(values)

    def signed_report(self):
        report = self.new_report(importance="critical", urgency="urgent")
        report.action_devreq_confirm()
        report._scm_record_customer_signature("楚风 张总经理", china_today())
        return report

    # -- PRJ-SEC-02/03 -------------------------------------------------------------
    def test_prj_sec_02_template_issued_by_mrd_with_version(self):
        """PRJ-SEC-02: the template is issued by MRD (version stored); a
        report keeps the version it was written on."""
        with self.assertRaisesRegex(UserError, "Only MRD"):
            self.env["scm.dev.requirement.template"].with_user(self.sw_manager).create(
                {"name": "x", "version": "1", "specification": "x"}
            )
        report = self.new_report()
        self.assertEqual(report.template_version, "2026.1")
        self.template.with_user(self.mrd_analyst).write({"active": False})
        with self.assertRaisesRegex(UserError, "template"):
            self.new_report()
        with self.assertRaisesRegex(UserError, "issue a new version"):
            self.template.with_user(self.mrd_analyst).write({"version": "2026.2"})

    def test_prj_sec_02_report_belongs_to_an_r_project(self):
        """PRJ-SEC-02: the customer requirement report is an R project's."""
        with self.assertRaisesRegex(UserError, "secondary"):
            self.new_report(project=self.project)

    def test_prj_sec_03_customer_signature_and_mrd_receipt_before_analysis(self):
        """PRJ-SEC-03: an R project's analysis cannot start until its
        requirement report has the customer's signature and MRD's receipt;
        the Software Dept cannot receive it for MRD."""
        report = self.new_report(importance="critical", urgency="urgent")
        work = self.as_client(report, self.mrd_manager).action_devreq_create_work()
        work = self.DevWork.browse(work["res_id"])
        self.assertEqual((work.kind, work.project_id), ("project", self.r_project))
        self.assertEqual(work.stage, "req_work_plan")
        self.assertIn("PRJ-SEC-03", "".join(work._scm_analysis_blockers()))
        report.action_devreq_confirm()
        with self.assertRaisesRegex(UserError, "Signed by the Customer"):
            self.as_client(report, self.mrd_analyst).action_devreq_receive()
        report._scm_record_customer_signature("楚风 张总经理", china_today())
        self.assertEqual(report.state, "signed")
        self.assertIn("PRJ-SEC-03", "".join(work._scm_analysis_blockers()))
        with self.assertRaisesRegex(UserError, "MRD"):
            self.as_client(report, self.sw_manager).action_devreq_receive()
        self.as_client(report, self.mrd_analyst).action_devreq_receive()
        self.assertEqual(work._scm_analysis_blockers(), [])
        self.assertEqual(work._scm_requirement_sources()["requirement_reports"], report)

    # -- SUP-REQ-01..03 -----------------------------------------------------------
    def test_sup_req_02_importance_urgency_priority_schedule(self):
        """SUP-REQ-02: both fields are required on submission; the priority
        is computed from the pair; the schedule date is required at triage,
        given by MRD."""
        report = self.new_report()
        with self.assertRaisesRegex(UserError, "importance"):
            report.action_devreq_confirm()
        report.write({"importance": "critical", "urgency": "very_urgent"})
        self.assertEqual(report.priority, "p1")
        report.action_devreq_confirm()
        report._scm_record_customer_signature("楚风 张总经理", china_today())
        mrd = self.as_client(report, self.mrd_analyst)
        mrd.action_devreq_receive()
        with self.assertRaisesRegex(UserError, "schedule date"):
            mrd.action_devreq_triage()
        with self.assertRaisesRegex(UserError, "MRD"):
            report.write({"schedule_date": china_today()})
        mrd.write({"schedule_date": china_today()})
        mrd.action_devreq_triage()
        self.assertEqual(report.state, "triaged")

    def test_sup_req_01_signed_report_changes_only_by_signed_change_form(self):
        """SUP-REQ-01: editing a customer-signed requirement report without a
        signed change form is refused; the signed form rewrites it."""
        report = self.signed_report()
        with self.assertRaisesRegex(UserError, "SUP-REQ-01"):
            report.write({"content": "改为按周补货"})
        Change = self.env["scm.dev.requirement.change"]
        change = self.as_client(Change, self.wh_consultant).create(
            {
                "report_id": report.id,
                "name": "补货周期调整",
                "new_content": "门店销售每日回传，按周自动生成补货单。",
            }
        )
        self.assertEqual(change.recorder_id, self.wh_consultant)
        self.assertEqual(change.project_id, self.r_project)
        with self.assertRaisesRegex(UserError, "Signed by the Customer"):
            change.action_devreq_apply()
        change._scm_record_customer_signature("楚风 张总经理", china_today())
        change.action_devreq_apply()
        self.assertEqual(report.content, "门店销售每日回传，按周自动生成补货单。")
        self.assertEqual(change.state, "applied")
        # A report not yet signed is changed directly, not by a form.
        unsigned = self.new_report()
        with self.assertRaisesRegex(UserError, "change it directly"):
            self.as_client(Change, self.wh_consultant).create(
                {"report_id": unsigned.id, "name": "x", "new_content": "x"}
            )

    def test_sup_req_03_restricted_readers_and_pm_permission(self):
        """SUP-REQ-03: a user outside the team, MRD, Software and QC cannot
        open the report (a consultant of another branch neither); a logged PM
        permission unlocks it; Audit reads all."""
        report = self.new_report()
        for user in (self.sw_manager, self.qc_manager, self.mrd_analyst, self.auditor):
            self.as_client(report, user).read(["content"])
        self.as_client(report, self.pm).read(["content"])
        for user in (self.outsider, self.bj_manager):
            with self.assertRaises(AccessError):
                self.as_client(report, user).read(["content"])
        with self.assertRaises(UserError):
            self.as_client(report, self.auditor).write({"grant_reason": "x"})
        with self.assertRaisesRegex(UserError, "project manager"):
            self.as_client(report, self.wh_consultant).write(
                {"grant_user_id": self.outsider.id, "grant_reason": "协助"}
            )
        pm = self.as_client(report, self.pm)
        with self.assertRaisesRegex(UserError, "reason"):
            pm.write({"grant_user_id": self.outsider.id})
            pm.action_devreq_grant()
        pm.write({"grant_reason": "MCD 协助实施"})
        pm.action_devreq_grant()
        self.assertIn("MCD 协助实施", report.message_ids[0].body)
        self.as_client(report, self.outsider).read(["content"])
        pm.action_devreq_revoke()
        with self.assertRaises(AccessError):
            self.as_client(report, self.outsider).read(["content"])

    def test_sup_req_03_consultant_cannot_open_another_projects_report(self):
        """SUP-REQ-03: a branch consultant outside a project's team cannot
        open its requirement report, even in the same branch."""
        other = self.env.ref("scm_base.user_wh_consultant2")
        self.assertNotIn(other, self.r_project.scm_member_user_ids | self.pm)
        report = self.new_report()
        with self.assertRaises(AccessError):
            self.as_client(report, other).read(["content"])
        self.assertFalse(
            self.as_client(self.env["scm.dev.requirement.report"], other).search(
                [("id", "=", report.id)]
            )
        )

    # -- PRJ-SC-04 ------------------------------------------------------------------
    def test_prj_sc_04_gap_list_with_verification_flags(self):
        """PRJ-SC-04: the branch provides the gap list; each line carries
        "branch verified" and "software feasible"; a C project's analysis
        needs a verified gap list."""
        GapList = self.env["scm.dev.gap.list"]
        gap = self.as_client(GapList, self.wh_consultant).create(
            {
                "name": "楚风服饰 需求差异",
                "project_id": self.project.id,
                "software_version": "V5.3",
                "line_ids": [
                    (0, 0, {"name": "门店调拨", "difference": "现版本无调拨审批"}),
                    (0, 0, {"name": "会员积分", "difference": "积分规则不同"}),
                ],
            }
        )
        work = self.DevWork.browse(
            self.as_client(gap, self.pm).action_devreq_create_work()["res_id"]
        )
        self.assertEqual(gap.dev_work_id, work)
        self.assertIn("PRJ-SC-04", "".join(work._scm_analysis_blockers()))
        gap.action_devreq_submit()
        with self.assertRaisesRegex(UserError, "only when it is Draft"):
            gap.write({"name": "改"})
        with self.assertRaisesRegex(UserError, "Every difference"):
            self.as_client(gap, self.mrd_analyst).action_devreq_verify()
        lines = gap.line_ids
        lines.with_user(self.wh_consultant).with_context(
            allowed_company_ids=[self.wh_consultant.company_id.id]
        ).action_devreq_branch_verify()
        with self.assertRaisesRegex(UserError, "Software Dept"):
            lines.with_user(self.mrd_analyst).action_devreq_software_feasible()
        lines[0].with_user(self.sw_manager).action_devreq_software_feasible()
        lines[1].with_user(self.sw_manager).action_devreq_software_not_feasible()
        self.assertEqual(lines.mapped("branch_verified"), [True, True])
        self.assertEqual(lines.mapped("software_feasible"), [True, False])
        with self.assertRaisesRegex(UserError, "MRD"):
            self.as_client(gap, self.sw_manager).action_devreq_verify()
        self.as_client(gap, self.mrd_analyst).action_devreq_verify()
        self.assertEqual(work._scm_requirement_sources()["gap_lists"], gap)
        self.assertEqual(work._scm_analysis_blockers(), [])
        with self.assertRaises(AccessError):
            self.as_client(gap, self.bj_manager).read(["name"])
        self.as_client(gap, self.auditor).read(["name"])

    def test_prj_sc_04_gap_list_is_a_c_projects(self):
        """PRJ-SC-04: a gap list belongs to an S&C project; the Software Dept
        cannot start a project's development."""
        with self.assertRaisesRegex(UserError, "S&C"):
            self.as_client(self.env["scm.dev.gap.list"], self.wh_consultant).create(
                {"name": "x", "project_id": self.r_project.id}
            )
        with self.assertRaisesRegex(UserError, "Only MRD or the project manager"):
            self.as_client(
                self.r_project, self.sw_manager
            ).action_scm_devreq_development()
        action = self.as_client(self.r_project, self.pm).action_scm_devreq_development()
        work = self.DevWork.browse(action["res_id"])
        self.assertEqual((work.kind, work.stage), ("project", "req_work_plan"))
        again = self.as_client(self.r_project, self.mrd_analyst)
        self.assertEqual(again.action_scm_devreq_development()["res_id"], work.id)

    # -- PRJ-UPG-02 ------------------------------------------------------------------
    def test_prj_upg_02_general_needs_link_to_an_upgrade(self):
        """PRJ-UPG-02: customer requirement items can be tagged "general" by
        MRD and linked to an upgrade development."""
        need = (
            self.env["scm.project.need"]
            .sudo()
            .create(
                {
                    "name": "批量打印配送单",
                    "description": "门店希望批量打印",
                    "project_id": self.project.id,
                }
            )
        )
        upgrade = self.make_dev_work("upgrade", version="V6.1", stage="research")
        long_term = self.make_dev_work("long_term", stage="research")
        with self.assertRaisesRegex(UserError, "received"):
            self.as_client(need, self.mrd_analyst).action_devreq_tag_general()
        need.sudo().write({"state": "received"})
        with self.assertRaisesRegex(UserError, "MRD"):
            self.as_client(need, self.wh_consultant).action_devreq_tag_general()
        mrd = self.as_client(need, self.mrd_analyst)
        mrd.write({"devreq_target_work_id": upgrade.id})
        with self.assertRaisesRegex(UserError, "general significance"):
            mrd.action_devreq_link_upgrade()
        mrd.action_devreq_tag_general()
        mrd.write({"devreq_target_work_id": long_term.id})
        with self.assertRaisesRegex(UserError, "upgrade"):
            mrd.action_devreq_link_upgrade()
        mrd.write({"devreq_target_work_id": upgrade.id})
        mrd.action_devreq_link_upgrade()
        self.assertEqual(need.devreq_dev_work_id, upgrade)
        self.assertEqual(upgrade._scm_requirement_sources()["needs"], need)
