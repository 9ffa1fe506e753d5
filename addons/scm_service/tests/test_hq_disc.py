from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.common import china_today

from .common import ScmServiceCase
from .test_hq_escalation import utc


@tagged("post_install", "-at_install")
class TestHqDisc(ScmServiceCase):
    """The Disc Pressing Request: SVC-DISC-01..07, PRJ-SC-06 link."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Disc = cls.env["scm.disc.request"]
        cls.make_service_contract(cls.hanjiang)
        cls.needed = china_today() + timedelta(days=10)

    def make_request(self, **vals):
        return self.as_client(self.Disc, self.wh_manager).create(
            {
                "disc_type": "official",
                "partner_id": self.hanjiang.id,
                "product": "SCMS 服装版",
                "version": "V8.2",
                "requested_date": self.needed,
                **vals,
            }
        )

    def step(self, request, user, method, *args):
        return getattr(self.as_client(request, user), method)(*args)

    def to_approved(self, request):
        self.step(request, self.wh_manager, "action_sign_branch")
        self.step(request, self.wh_manager, "action_send")
        self.step(request, self.tsms, "action_forward")
        self.step(request, self.mcd_manager, "action_approve")

    def ship(self, request):
        self.to_approved(request)
        self.step(request, self.tsms, "action_produce")
        self.step(request, self.tsms, "action_verify")
        self.step(request, self.tsms, "action_ship")

    def test_svc_disc_01_required_fields_and_branch_manager_signature(self):
        """SVC-DISC-01: an official disc needs its customer; the request is
        not sent without the Branch Manager's signature."""
        request = self.make_request(partner_id=False)
        with self.assertRaisesRegex(UserError, "customer"):
            self.step(request, self.wh_manager, "action_sign_branch")
        request.write({"partner_id": self.hanjiang.id})
        result = self.step(request, self.wh_consultant2, "action_send")
        self.assertEqual(result["params"]["type"], "danger")
        self.assertEqual(request.state, "draft")
        with self.assertRaisesRegex(UserError, "may not give the signature"):
            self.step(request, self.wh_consultant2, "action_sign_branch")
        self.step(request, self.wh_manager, "action_sign_branch")
        self.assertEqual(request.state, "branch_signed")
        self.assertTrue(request.scm_signatures_complete)
        # A demo disc needs no customer.
        demo = self.make_request(disc_type="demo", partner_id=False)
        self.step(demo, self.wh_manager, "action_sign_branch")
        self.assertEqual(demo.state, "branch_signed")

    def test_svc_disc_02_forward_in_1_wd_and_same_day_approval(self):
        """SVC-DISC-02: forwarding due = receipt + 1 WD (Friday → Monday);
        approval due the same calendar day: at 00:05 the next day it is
        late (ORG-RULE-03); the TSMS cannot approve for MCD."""
        with freeze_time(utc(2026, 11, 20, 9)):
            request = self.make_request(requested_date=date(2026, 12, 20))
            self.step(request, self.wh_manager, "action_sign_branch")
            self.step(request, self.wh_manager, "action_send")
        forward = request._scm_deadlines("SVC-DISC-02")
        self.assertEqual(forward.user_id, self.tsms)
        self.assertEqual(forward.due_date, utc(2026, 11, 23, 23, 59, 59))
        with self.assertRaisesRegex(UserError, "Only the TSMS"):
            self.step(request, self.mcd_manager, "action_forward")
        with freeze_time(utc(2026, 11, 23, 23, 0)):
            self.step(request, self.tsms, "action_forward")
        self.assertEqual(forward.state, "done")
        self.assertFalse(forward.done_late)
        approval = request._scm_deadlines("SVC-DISC-02")
        self.assertEqual(approval.user_id, self.mcd_manager)
        self.assertEqual(approval.due_date, utc(2026, 11, 23, 23, 59, 59))
        with self.assertRaisesRegex(UserError, "Only the MCD Manager"):
            self.step(request, self.tsms, "action_approve")
        with freeze_time(utc(2026, 11, 24, 0, 5)):
            self.step(request, self.mcd_manager, "action_approve")
        self.assertEqual(request.state, "approved")
        self.assertTrue(request.decision_late)
        self.assertTrue(request.is_late)
        self.assertIn(request, self.Disc.search([("is_late", "=", True)]))

    def test_svc_disc_03_refusal_needs_an_outcome(self):
        """SVC-DISC-03: not approved requires one outcome (notify / deferred
        with its condition / alternative) and the branch is told."""
        request = self.make_request()
        self.step(request, self.wh_manager, "action_sign_branch")
        self.step(request, self.wh_manager, "action_send")
        self.step(request, self.tsms, "action_forward")
        with self.assertRaisesRegex(UserError, "outcome"):
            self.step(request, self.mcd_manager, "action_reject")
        with self.assertRaisesRegex(UserError, "MCD Manager"):
            self.as_client(request, self.wh_manager).write(
                {"refusal_outcome": "deferred"}
            )
        self.as_client(request, self.mcd_manager).write(
            {"refusal_outcome": "deferred", "refusal_detail": "待 V8.3 发布后压制"}
        )
        self.step(request, self.mcd_manager, "action_reject")
        self.assertEqual(request.state, "rejected")
        notice = self.env["scm.notice"]._scm_sent(request)
        self.assertIn(self.wh_manager.partner_id, notice.recipient_ids)
        with self.assertRaises(UserError):
            self.step(request, self.tsms, "action_produce")

    def test_svc_disc_04_05_official_disc_to_the_returned_receipt(self):
        """SVC-DISC-04/05/07 (done-when): wh.manager's request of a project's
        disc goes through mcd.tsms and mcd.manager to shipping and the
        returned receipt; shipping unverified is refused; the arrival is
        confirmed within 1 WD of shipping and the receipt returned within
        1 WD of arrival; the project's disc request is delivered with it."""
        project_request = (
            self.env["scm.project.disc.request"]
            .sudo()
            .create(
                {
                    "project_id": self.project.id,
                    "disc_type": "product",
                    "due_date": self.needed,
                }
            )
        )
        project_request._scm_step_write({"state": "requested"})
        request = self.as_client(
            self.Disc, self.wh_manager
        )._scm_create_from_project_request(project_request)
        request.write({"version": "V8.2"})
        self.assertEqual(request.disc_type, "official")
        self.assertEqual(request.partner_id, self.project.partner_id)
        self.to_approved(request)
        with self.assertRaisesRegex(UserError, "Only the TSMS"):
            self.step(request, self.wh_manager, "action_produce")
        self.step(request, self.tsms, "action_produce")
        with self.assertRaisesRegex(UserError, "opened and verified"):
            self.step(request, self.tsms, "action_ship")
        self.assertEqual(request.state, "produced")
        self.assertFalse(request.shipped_date)
        self.step(request, self.tsms, "action_verify")
        with freeze_time(utc(2026, 12, 11, 10)):  # Friday
            self.step(request, self.tsms, "action_ship")
        self.assertEqual(request.state, "shipped")
        self.assertFalse(request.shipped_late)
        self.assertTrue(request.licence_certificate)
        self.assertEqual(project_request.state, "delivered")
        confirm = request._scm_deadlines("SVC-DISC-05")
        self.assertEqual(confirm.user_id, self.tsms)
        self.assertEqual(confirm.due_date, utc(2026, 12, 14, 23, 59, 59))
        with freeze_time(utc(2026, 12, 14, 10)):
            self.step(request, self.tsms, "action_confirm_arrival", "2026-12-12")
        self.assertEqual(request.state, "confirmed")
        self.assertFalse(confirm.done_late)
        receipt = request._scm_deadlines("SVC-DISC-05")
        self.assertEqual(receipt.user_id, self.wh_manager)
        self.assertEqual(receipt.due_date, utc(2026, 12, 14, 23, 59, 59))
        with self.assertRaises(UserError):
            self.step(request, self.tsms, "action_return_receipt")
        self.as_client(request, self.wh_manager).write({"receipt_note": "完好"})
        self.step(request, self.wh_manager, "action_return_receipt")
        self.assertEqual(request.state, "receipt_returned")
        self.assertEqual(request.receipt_returned_by_id, self.wh_manager)
        report = self.env.ref("scm_service.action_report_scm_disc_request")
        html = report._render_qweb_html(report.report_name, request.ids)[0]
        self.assertIn(request.name.encode(), html)
        # Who sees it: another branch nothing, Audit reads only.
        with self.assertRaises(AccessError):
            self.as_client(request, self.bj_manager).read(["state"])
        self.assertEqual(
            self.as_client(request, self.auditor).state, "receipt_returned"
        )
        with self.assertRaises(AccessError):
            self.as_client(request, self.auditor).write({"receipt_note": "x"})

    def test_svc_disc_04_certificate_only_first_official_disc_of_formal_customer(self):
        """SVC-DISC-04: the User Licence Certificate comes only with the first
        official disc of a formal customer (one with a contract in force).
        A new customer: the demo already shipped 汉江's first official disc."""
        customer = self.env["res.partner"].create(
            {
                "name": "首次压盘客户（测试）",
                "is_company": True,
                "company_id": self.wuhan.id,
            }
        )
        self.make_service_contract(customer)
        first = self.make_request(partner_id=customer.id)
        self.ship(first)
        self.assertTrue(first.licence_certificate)
        second = self.make_request(partner_id=customer.id)
        self.ship(second)
        self.assertFalse(second.licence_certificate)
        with self.assertRaisesRegex(UserError, "first official disc"):
            self.step(second, self.wh_manager, "action_print_certificate")
        prospect = self.env["res.partner"].create(
            {"name": "意向客户（测试）", "is_company": True}
        )
        other = self.make_request(partner_id=prospect.id)
        self.ship(other)
        self.assertFalse(other.licence_certificate)

    def test_svc_disc_06_07_demo_disc_via_the_service_website(self):
        """SVC-DISC-06/07: a demo build is verified before upload, its serial
        e-mailed and the phone guidance logged before it is done; official
        steps are refused for it."""
        request = self.make_request(disc_type="practice", partner_id=False)
        self.to_approved(request)
        with self.assertRaisesRegex(UserError, "SVC-DISC-07"):
            self.step(request, self.tsms, "action_produce")
        self.step(request, self.tsms, "action_build")
        self.as_client(request, self.tsms).write(
            {"upload_location": "service.example.com/practice", "serial_number": ""}
        )
        with self.assertRaisesRegex(UserError, "verified first"):
            self.step(request, self.tsms, "action_upload")
        self.step(request, self.tsms, "action_verify")
        self.step(request, self.tsms, "action_upload")
        self.assertFalse(request.uploaded_late)
        with self.assertRaisesRegex(UserError, "serial number"):
            self.step(request, self.tsms, "action_email_serial")
        self.as_client(request, self.tsms).write({"serial_number": "SN-0001"})
        self.step(request, self.tsms, "action_email_serial")
        with self.assertRaisesRegex(UserError, "phone guidance"):
            self.step(request, self.tsms, "action_log_phone_guidance")
        self.as_client(request, self.tsms).write(
            {"phone_guidance_log": "电话指导下载安装，已完成。"}
        )
        self.step(request, self.tsms, "action_log_phone_guidance")
        self.step(request, self.tsms, "action_done")
        self.assertEqual(request.state, "done")
        with self.assertRaises(UserError):
            self.step(request, self.tsms, "action_ship")
