from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .runin_common import RuninCase

SITE = {
    "name": "销售单保存报错",
    "occurrence_time": "2026-01-05 02:30:00",
    "software_version": "SCMS V6.2",
    "module_name": "销售管理",
    "error_screen_text": "ORA-00001 unique constraint violated",
    "symptom": "保存销售单时弹出错误",
    "program_name": "so_edit.prg",
}


@tagged("post_install", "-at_install")
class TestRuninFault(RuninCase):
    """PRJ-RUN-03..06: the fault, its QC Error Form and its chain."""

    def new_fault(self, user=None, **vals):
        Fault = self.as_client(
            self.env["scm.project.fault"], user or self.wh_consultant
        )
        return Fault.create({"project_id": self.project.id, **SITE, **vals})

    def sent_fault(self, **vals):
        fault = self.new_fault(**vals)
        self.as_client(fault, self.wh_manager).action_sign_pm()
        self.as_client(fault, self.wh_consultant).action_send()
        self.as_client(fault, self.tsms).action_receive()
        return fault

    def test_prj_run_03_six_fields_required(self):
        """PRJ-RUN-03: the six on-site fields are required; the error screen
        is an attachment or a text."""
        Fault = self.env["scm.project.fault"]
        for name in (
            "occurrence_time",
            "software_version",
            "module_name",
            "symptom",
            "program_name",
        ):
            self.assertTrue(Fault._fields[name].required, name)
        with self.assertRaises(ValidationError):
            self.new_fault(error_screen_text=False)

    def test_prj_run_03_form_same_day_else_flagged(self):
        """PRJ-RUN-03: error-form date = report date, else flagged."""
        fault = self.new_fault()
        self.assertEqual(fault.form_date, self.today)
        self.assertFalse(fault.form_late)
        late = self.new_fault(report_date=self.today - timedelta(days=1))
        self.assertTrue(late.form_late)
        with self.assertRaises(ValidationError):
            self.new_fault(report_date=self.today + timedelta(days=1))
        # The form date is the server's, not typed.
        with self.assertRaises(UserError):
            self.new_fault(form_date=self.today - timedelta(days=1))

    def test_prj_run_03_sending_requires_pm_signature(self):
        """PRJ-RUN-03: sending to the TSMS requires the PM's signature; an
        attempt without it is refused and logged."""
        fault = self.new_fault()
        as_consultant = self.as_client(fault, self.wh_consultant)
        result = as_consultant.action_send()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(fault.state, "draft")
        self.assertTrue(
            self.env["scm.procedure.violation"]
            .sudo()
            .search([("res_model", "=", fault._name), ("res_id", "=", fault.id)])
        )
        with self.assertRaises(UserError):
            as_consultant.action_sign_pm()
        self.as_client(fault, self.wh_manager).action_sign_pm()
        self.assertTrue(as_consultant.action_send())
        self.assertEqual(fault.state, "sent")
        self.assertIn(self.tsms.partner_id, self.notices(fault).recipient_ids)

    def test_prj_run_04_to_06_software_fault_chain(self):
        """PRJ-RUN-04, PRJ-RUN-06: wh.consultant records, the PM signs, mcd.tsms
        receives (diagnosis due in 1 WD) and diagnoses a software cause (QC
        and Audit copies the day of receipt), qc.manager records the result
        (notices to TSMS and Audit), audit.staff reads, the TSMS closes with
        its notice to the branch; the TSMS cannot record QC's result."""
        fault = self.sent_fault()
        self.assertEqual(fault.state, "received")
        deadline = fault._scm_deadlines("PRJ-RUN-04")
        self.assertEqual(deadline.user_id, self.tsms)
        self.assertEqual(
            deadline.due_date,
            self.Workday.add_working_days(fault.received_date, 1, fault.company_id),
        )
        as_tsms = self.as_client(fault, self.tsms)
        with self.assertRaises(UserError):
            as_tsms.action_diagnose()  # no cause yet
        as_tsms.write({"cause": "software", "handling": "转质检部确认修改"})
        as_tsms.action_diagnose()
        self.assertEqual(fault.state, "qc")
        self.assertFalse(fault._scm_deadlines("PRJ-RUN-04"))
        copies = fault.sudo().scm_distribution_ids
        self.assertEqual(
            copies.recipient_department_id,
            self.env.ref("scm_base.dept_qc") | self.env.ref("scm_base.dept_audit"),
        )
        day = self.Workday._local_date(fault.received_date, fault.company_id)
        for line in copies:
            self.assertEqual(
                self.Workday._local_date(line.sent_at, fault.company_id), day
            )
        self.assertFalse(fault.copies_late)
        # The TSMS diagnoses, QC records the result.
        with self.assertRaises(UserError):
            as_tsms.write({"qc_result": "fixed", "qc_note": "已修复"})
        with self.assertRaises(UserError):
            as_tsms.action_qc_result()
        as_qc = self.as_client(fault, self.qc_manager)
        self.assertEqual(as_qc.read(["cause"])[0]["cause"], "software")
        with self.assertRaises(UserError):
            as_qc.action_close()
        as_qc.write({"qc_result": "fixed", "qc_note": "软件部已修复, V6.2.1"})
        before = len(self.notices(fault))
        as_qc.action_qc_result()
        self.assertEqual(fault.state, "qc_done")
        notices = self.notices(fault)
        self.assertEqual(len(notices) - before, 2)
        recipients = notices.recipient_ids
        self.assertIn(self.tsms.partner_id, recipients)
        self.assertIn(self.auditor.partner_id, recipients)
        # Audit reads, read-only.
        as_audit = self.as_client(fault, self.auditor)
        self.assertEqual(as_audit.read(["state"])[0]["state"], "qc_done")
        with self.assertRaises(UserError):
            as_audit.write({"symptom": "改了"})
        with self.assertRaises(UserError):
            as_audit.action_close()
        # Closure requires the TSMS notice to the branch or team.
        with self.assertRaises(UserError):
            as_tsms.action_close()
        as_tsms.write({"closing_note": "已升级到 V6.2.1, 请通知客户"})
        as_tsms.action_close()
        self.assertEqual(fault.state, "closed")
        last = self.notices(fault)[0]
        self.assertIn(self.wh_manager.partner_id, last.recipient_ids)
        self.assertIn(self.wh_consultant.partner_id, last.recipient_ids)

    def test_prj_run_05_non_software_cause_closes_without_qc(self):
        """PRJ-RUN-05: a non-software cause closes the form with handling
        instructions and a written notice; no QC copy."""
        fault = self.sent_fault()
        as_tsms = self.as_client(fault, self.tsms)
        as_tsms.write({"cause": "hardware", "handling": "更换客户服务器内存"})
        as_tsms.action_diagnose()
        self.assertEqual(fault.state, "closed")
        self.assertEqual(fault.cause_kind, "non_software")
        self.assertFalse(fault.sudo().scm_distribution_ids)
        notice = self.notices(fault)[0]
        self.assertIn("更换客户服务器内存", notice.body)
        self.assertIn(self.wh_manager.partner_id, notice.recipient_ids)
        # QC sees no non-software fault.
        with self.assertRaises(AccessError):
            self.as_client(fault, self.qc_manager).read(["name"])

    def test_prj_run_04_only_tsms_receives_and_diagnoses(self):
        """PRJ-RUN-04: the TSMS receives and diagnoses, nobody else."""
        fault = self.new_fault()
        self.as_client(fault, self.wh_manager).action_sign_pm()
        self.as_client(fault, self.wh_consultant).action_send()
        for user in (self.wh_manager, self.qc_manager, self.auditor):
            self.assertDenied(self.as_client(fault, user).action_receive)
        self.as_client(fault, self.tsms).action_receive()
        with self.assertRaises(UserError):
            self.as_client(fault, self.wh_manager).write({"cause": "user"})

    def test_prj_run_03_other_branch_denied(self):
        """PRJ-RUN-03: Beijing neither sees nor records Wuhan's faults."""
        fault = self.new_fault()
        with self.assertRaises(AccessError):
            self.as_client(fault, self.bj_manager).read(["name"])
        self.assertDenied(self.new_fault, user=self.bj_manager)

    def test_prj_run_03_steps_not_by_editing(self):
        """PRJ-RUN-03: state and signatures are set only by the steps."""
        fault = self.new_fault(report_date=self.today - timedelta(days=1))
        with self.assertRaises(UserError):
            self.as_client(fault, self.wh_manager).write({"state": "sent"})
        # Nor is the same-day flag cleared by hand.
        with self.assertRaises(UserError):
            self.as_client(fault, self.wh_manager).write({"form_late": False})
        self.assertTrue(fault.form_late)
        with self.assertRaises(UserError):
            self.as_client(fault, self.wh_manager).with_context(
                default_state="closed"
            ).create({"project_id": self.project.id, **SITE, "state": "closed"})

    def test_prj_run_03_outside_runin_refused(self):
        """PRJ-RUN-03: faults are recorded from the run-in on."""
        project = self.make_project(title="未进入磨合期的项目")
        with self.assertRaises(UserError):
            self.as_client(self.env["scm.project.fault"], self.wh_manager).create(
                {"project_id": project.id, **SITE}
            )
