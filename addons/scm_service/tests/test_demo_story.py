from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .common import ScmServiceCase


@tagged("post_install", "-at_install")
class TestDemoStory(ScmServiceCase):
    """The demo data of scm_service tells issue 12's story: 汉江制衣 in its
    paid service period with its service plan (one adjustment), an urgent
    on-site request met within 2 hours and one arrival late, a phone
    consultation, an escalation answered by the TSMS within 2 WD and in last
    month's bulletin, a month with no visit flagged, a time-billed visit
    with its confirmed quote, and an official disc request from approval to
    the returned receipt."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.story = {
            name: ref(f"scm_service.{name}", raise_if_not_found=False)
            for name in (
                "plan_wh_hanjiang",
                "plan_wh_hanjiang_v2",
                "ticket_wh_hanjiang_scanner",
                "ticket_wh_hanjiang_voucher",
                "ticket_wh_hanjiang_phone",
                "ticket_wh_hanjiang_closing",
                "ticket_wh_jiangcheng_training",
                "escalation_wh_hanjiang_closing",
                "bulletin_last_month",
                "disc_wh_hanjiang",
                "partner_wh_jiangcheng",
            )
        }
        cls.customer = ref("scm_sales.partner_wh_hanjiang")

    def setUp(self):
        super().setUp()
        if not all(self.story.values()):
            self.skipTest("scm_service was installed without its demo data")
        self.today = fields.Date.context_today(self.customer)
        self.last_month = self.today.replace(day=1) - relativedelta(months=1)

    def test_paid_service_period_and_plan_with_one_adjustment(self):
        """SVC-SCOPE-01, SVC-PLAN-01/02: 汉江 is a contract service customer
        (its J contract in force); the plan was filed, adjusted once with
        its reason and method, both versions kept, in Chinese."""
        contract = self.env.ref("scm_contracts.contract_wh_hanjiang_ts")
        self.assertIn(contract.stage, contract._scm_in_force_stages())
        self.assertEqual(self.customer._scm_service_kind(), "contract")
        self.assertTrue(self.customer.scm_is_service_customer)
        self.assertEqual(self.customer._scm_service_consultant(), self.wh_consultant2)
        first, second = (
            self.story["plan_wh_hanjiang"],
            self.story["plan_wh_hanjiang_v2"],
        )
        self.assertEqual((first.stage, first.version), ("superseded", 1))
        self.assertEqual((second.stage, second.version), ("filed", 2))
        self.assertEqual(second.previous_id, first)
        self.assertIn("门店", second.adjustment_reason)
        self.assertTrue(second.adjustment_method)
        self.assertEqual(len(second.line_ids), 3)
        self.assertFalse(contract.scm_service_plan_missing)
        self.assertEqual(
            self.customer.scm_archive_plan_ids & (first | second), first | second
        )

    def test_onsite_requests_met_and_late(self):
        """SVC-RESP-03: the urgent request was met within 2 hours, the other
        arrival was late; both closed with the customer-signed work order."""
        met = self.story["ticket_wh_hanjiang_scanner"]
        late = self.story["ticket_wh_hanjiang_voucher"]
        self.assertTrue(met.scm_urgent)
        self.assertEqual(met.scm_service_kind, "contract")
        self.assertEqual(met.scm_onsite_sla_result, "met")
        self.assertFalse(met.scm_arrival_late)
        self.assertEqual(late.scm_onsite_sla_result, "late")
        self.assertTrue(late.scm_arrival_late)
        for ticket in met | late:
            self.assertTrue(ticket.closed, ticket.name)
            self.assertTrue(ticket.scm_customer_signature, ticket.name)
            self.assertIn("李秀梅", ticket.scm_customer_signatory)
            self.assertIn(ticket, self.customer.scm_archive_workorder_ids)
        states = {
            t: t.ticket_sla_ids.filtered(
                lambda s: s.sla_id == self.env.ref("scm_service.sla_onsite_2h")
            ).state
            for t in (met, late)
        }
        self.assertEqual(states[met], "accomplished")
        self.assertEqual(states[late], "expired")

    def test_phone_consultation(self):
        """SVC-RESP-06: a phone consultation closed with its phone record."""
        ticket = self.story["ticket_wh_hanjiang_phone"]
        self.assertEqual(ticket.scm_channel_code, "phone")
        self.assertTrue(ticket.closed)
        self.assertIn("电话指导", ticket.scm_phone_record)
        self.assertIn(ticket, self.customer.scm_archive_phone_ids)

    def test_escalation_answered_by_the_tsms_and_typical(self):
        """SVC-RESP-04, SVC-HQ-01/02/03, SUP-SVCN-01: escalated with
        wh.manager's approval, answered by the TSMS within 2 WD, both sides
        agree, marked typical and in last month's distributed bulletin."""
        ticket = self.story["ticket_wh_hanjiang_closing"]
        escalation = self.story["escalation_wh_hanjiang_closing"]
        self.assertEqual(ticket.scm_escalation_approver_id, self.wh_manager)
        self.assertEqual(ticket.scm_escalation_state, "replied")
        self.assertEqual(ticket.scm_hq_sla_result, "met")
        self.assertEqual(escalation.ticket_id, ticket)
        self.assertEqual(escalation.guidance_kind, "technical")
        self.assertEqual(escalation.answered_by_id, self.tsms)
        self.assertEqual(escalation.answer_result, "in_time")
        self.assertEqual(escalation.answered_date, ticket.scm_hq_reply_date)
        self.assertTrue(escalation.is_typical)
        self.assertEqual(escalation.bulletin_month, self.last_month)
        bulletin = self.story["bulletin_last_month"]
        self.assertEqual(bulletin.month, self.last_month)
        self.assertEqual(bulletin.state, "distributed")
        self.assertIn(escalation, bulletin.line_ids.escalation_id)
        self.assertIn(escalation, self.customer.scm_archive_escalation_ids)

    def test_month_without_visit_flagged(self):
        """SVC-VISIT-01: a visit the month before last, none last month: the
        gap is flagged on wh.consultant2."""
        rows = self.env["scm.service.visit.coverage"].search(
            [("partner_id", "=", self.customer.id)]
        )
        by_month = {row.month: row for row in rows}
        self.assertTrue(by_month[self.last_month].missed)
        self.assertEqual(by_month[self.last_month].user_id, self.wh_consultant2)
        before = self.last_month - relativedelta(months=1)
        self.assertEqual(by_month[before].visit_count, 1)
        deadline = self.customer._scm_deadlines("SVC-VISIT-01")
        self.assertEqual(deadline.user_id, self.wh_consultant2)
        self.assertIn(self.last_month.strftime("%Y-%m"), deadline.name)

    def test_time_billed_visit_with_confirmed_quote(self):
        """SVC-STD-03, SUP-SVCN-01, SVC-ARCH-01 (4): a customer without a
        service contract, the quote confirmed before the work, start, end
        and fee recorded; the archive shows its hours and fee."""
        ticket = self.story["ticket_wh_jiangcheng_training"]
        customer = self.story["partner_wh_jiangcheng"]
        self.assertEqual(ticket.scm_service_kind, "time_billed")
        self.assertTrue(ticket.scm_quote_confirmed_date)
        self.assertEqual(ticket.scm_work_hours, 3)
        self.assertEqual(ticket.scm_fee, 1200)
        self.assertTrue(ticket.closed)
        self.assertEqual(customer.scm_archive_billed_hours, 3)
        self.assertEqual(customer.scm_archive_billed_fee, 1200)
        self.assertIn(ticket, customer.scm_archive_ticket_ids)

    def test_official_disc_to_the_returned_receipt(self):
        """SVC-DISC-01..05: signed by wh.manager, forwarded by the TSMS,
        approved by the MCD Manager, verified, shipped with the licence
        certificate, arrival confirmed, receipt returned, nothing late."""
        disc = self.story["disc_wh_hanjiang"]
        self.assertEqual(disc.state, "receipt_returned")
        self.assertEqual(disc.sent_by_id, self.wh_manager)
        self.assertEqual(disc.tsms_id, self.tsms)
        self.assertEqual(disc.mcd_manager_id, self.mcd_manager)
        self.assertTrue(disc.verified_date)
        self.assertTrue(disc.licence_certificate)
        self.assertEqual(disc.receipt_returned_by_id, self.wh_manager)
        self.assertFalse(disc.is_late)
        self.assertFalse(disc._scm_deadlines("SVC-DISC-05"))

    def test_story_reads_in_chinese(self):
        """The demo's texts are Chinese, like the rest of the suite's demo."""
        texts = (
            self.story["ticket_wh_hanjiang_scanner"].name,
            self.story["ticket_wh_hanjiang_closing"].scm_interim_measures,
            self.story["plan_wh_hanjiang_v2"].adjustment_reason,
            self.story["escalation_wh_hanjiang_closing"].feedback,
            self.story["disc_wh_hanjiang"].requirements,
            self.story["bulletin_last_month"].introduction,
        )
        for text in texts:
            self.assertTrue(any("\u4e00" <= char <= "\u9fff" for char in text), text)
