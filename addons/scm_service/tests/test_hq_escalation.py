from datetime import date, datetime

import pytz
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.scm_base.tests.common import china_today

from .common import ScmServiceCase

SHANGHAI = pytz.timezone("Asia/Shanghai")


def utc(*args):
    """A naive UTC datetime of a time in China."""
    moment = SHANGHAI.localize(datetime(*args))
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


class ScmHqCase(ScmServiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Category = cls.env["helpdesk.ticket.category"]
        # Items of the catalogue (a request needs a category and its item).
        cls.cat_tech = Category.create(
            {
                "name": "技术问题（测试）",
                "scm_guidance_kind": "technical",
                "parent_id": cls.env.ref("scm_service.category_support").id,
            }
        )
        cls.cat_consult = Category.create(
            {
                "name": "管理咨询（测试）",
                "scm_guidance_kind": "consulting",
                "scm_guidance_user_id": cls.mcd_consultant.id,
                "parent_id": cls.env.ref("scm_service.category_consulting").id,
            }
        )
        cls.Escalation = cls.env["scm.service.escalation"]

    def make_escalation(self, category=None, sent_at=None, **vals):
        escalation = self.as_client(self.Escalation, self.wh_consultant2).create(
            {
                "category_id": (category or self.cat_tech).id,
                "channel": "email",
                "subject": "库存日结报错（测试）",
                "description": "日结时提示数据锁定。",
                "partner_id": self.hanjiang.id,
                **vals,
            }
        )
        if sent_at:
            with freeze_time(sent_at):
                self.as_client(escalation, self.wh_manager).action_send()
        return escalation

    def answer(self, escalation, user, at, text="重建索引后解决。"):
        with freeze_time(at):
            client = self.as_client(escalation, user)
            client.write({"feedback": text})
            client.action_answer()


@tagged("post_install", "-at_install")
class TestHqEscalation(ScmHqCase):
    """HQ guidance and branch escalations: SVC-HQ-01, SVC-HQ-02, SUP-SVCN-01."""

    def test_svc_hq_01_guidance_owner_per_category(self):
        """SVC-HQ-01: consulting → an MCD consultant, technical → the TSMS;
        the branch's escalations are visible to MCD."""
        self.assertEqual(self.cat_tech._scm_guidance_owner(), self.tsms)
        self.assertEqual(self.cat_consult._scm_guidance_owner(), self.mcd_consultant)
        Category = self.env["helpdesk.ticket.category"]
        default = Category._scm_default_guidance_owner("consulting")
        self.assertTrue(default.has_group("scm_base.group_consultant"))
        self.assertTrue(
            default._scm_is_member_of_unit(self.env.ref("scm_base.dept_mcd"))
        )
        escalation = self.make_escalation(
            self.cat_consult, sent_at=utc(2026, 11, 19, 10)
        )
        self.assertEqual(escalation.guidance_user_id, self.mcd_consultant)
        for user in (self.mcd_consultant, self.tsms, self.mcd_manager, self.auditor):
            self.assertEqual(
                self.as_client(escalation, user).subject, escalation.subject
            )

    def test_svc_hq_02_answer_within_2_wd_across_a_weekend(self):
        """SVC-HQ-02: feedback due = receipt + 2 WD, a weekend skipped; the
        channel and category are recorded; only the guide of the kind
        answers; SUP-SVCN-01: only the Branch Manager sends."""
        escalation = self.make_escalation()
        self.assertEqual(escalation.channel, "email")
        with self.assertRaisesRegex(UserError, "Branch Manager"):
            self.as_client(escalation, self.wh_consultant2).action_send()
        self.assertEqual(escalation.state, "draft")
        with freeze_time(utc(2026, 11, 19, 10)):  # Thursday
            self.as_client(escalation, self.wh_manager).action_send()
        self.assertEqual(escalation.state, "sent")
        self.assertEqual(escalation.received_date, utc(2026, 11, 19, 10))
        self.assertEqual(escalation.due_date, utc(2026, 11, 23, 23, 59, 59))
        self.assertEqual(escalation.guidance_user_id, self.tsms)
        deadline = escalation._scm_deadlines("SVC-HQ-02")
        self.assertEqual(deadline.user_id, self.tsms)
        with self.assertRaisesRegex(UserError, "sent to HQ"):
            self.as_client(escalation, self.wh_consultant2).write({"subject": "x"})
        with self.assertRaisesRegex(UserError, "the TSMS"):
            self.answer(escalation, self.mcd_consultant, utc(2026, 11, 20, 10))
        self.answer(escalation, self.tsms, utc(2026, 11, 23, 23, 0))  # Monday
        self.assertEqual(escalation.state, "answered")
        self.assertEqual(escalation.answer_result, "in_time")
        self.assertFalse(escalation.is_late)
        self.assertEqual(deadline.state, "done")
        self.assertFalse(deadline.done_late)

    def test_svc_hq_02_late_feedback_flagged_across_a_makeup_day(self):
        """SVC-HQ-02: Saturday 2026-10-10 is a make-up working day (调休):
        from Friday Oct 9 the feedback is due Monday Oct 12; unanswered after
        it, then answered on the 13th, the escalation is flagged late."""
        escalation = self.make_escalation(sent_at=utc(2026, 10, 9, 10))
        self.assertEqual(escalation.due_date, utc(2026, 10, 12, 23, 59, 59))
        with freeze_time(utc(2026, 10, 13, 0, 5)):
            self.assertTrue(escalation.is_late)
            self.assertIn(escalation, self.Escalation.search([("is_late", "=", True)]))
        self.answer(escalation, self.tsms, utc(2026, 10, 13, 0, 5))
        self.assertEqual(escalation.answer_result, "late")
        self.assertTrue(escalation.is_late)
        self.assertTrue(escalation._scm_deadlines("SVC-HQ-02", state="done").done_late)

    def test_svc_hq_02_escalation_from_a_ticket(self):
        """SVC-HQ-02, SUP-SVCN-01: the request's escalation approved by the
        Branch Manager is created from the ticket (branch, category, phone)
        and received by HQ at once."""
        ticket = (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": "打印模板错位（测试）",
                    "description": "<p>单据打印错位</p>",
                    "company_id": self.wuhan.id,
                    "category_id": self.cat_tech.id,
                    "channel_id": self.env.ref("scm_service.channel_phone").id,
                    "partner_id": self.hanjiang.id,
                }
            )
        )
        escalation = self.as_client(
            self.Escalation, self.wh_manager
        )._scm_create_from_ticket(ticket)
        self.assertEqual(escalation.company_id, self.wuhan)
        self.assertEqual(escalation.ticket_id, ticket)
        self.assertEqual(escalation.category_id, self.cat_tech)
        self.assertEqual(escalation.channel, "phone")
        self.assertEqual(escalation.state, "sent")
        self.assertEqual(escalation.sent_by_id, self.wh_manager)
        self.assertEqual(escalation.description.strip(), "单据打印错位")
        self.assertTrue(escalation._scm_deadlines("SVC-HQ-02"))

    def test_svc_hq_01_catalogue_item_guided_and_reply_agrees(self):
        """SVC-HQ-01/02, SUP-SVCN-01: a request on a consulting item of the
        catalogue, escalated by the Branch Manager, goes to an MCD
        consultant (the item follows its category); the TSMS may not answer
        it; the consultant's reply on the request answers the escalation
        with its written result, both dated alike."""
        item = self.env.ref("scm_service.category_consulting_04")
        self.assertEqual(item._scm_guidance_kind_effective(), "consulting")
        ticket = self.as_client(
            self.env["helpdesk.ticket"], self.wh_consultant2
        ).create(
            {
                "name": "岗位操作流程咨询（测试）",
                "description": "<p>仓库岗位流程调整后如何分工</p>",
                "partner_id": self.hanjiang.id,
                "category_id": item.id,
                "channel_id": self.env.ref("scm_service.channel_phone").id,
                "scm_interim_measures": "先按原流程执行",
            }
        )
        self.as_client(ticket, self.wh_manager).action_scm_request_escalation()
        escalation = self.Escalation.search([("ticket_id", "=", ticket.id)])
        self.assertEqual(escalation.guidance_kind, "consulting")
        guide = escalation.guidance_user_id
        self.assertEqual(
            guide,
            self.env["helpdesk.ticket.category"]._scm_default_guidance_owner(
                "consulting"
            ),
        )
        with self.assertRaisesRegex(UserError, "MCD consultant"):
            self.as_client(ticket, self.tsms).action_scm_hq_reply()
        self.assertEqual(ticket.scm_escalation_state, "approved")
        self.as_client(escalation, guide).write({"feedback": "按岗位职责表重新分工"})
        self.as_client(ticket, guide).action_scm_hq_reply()
        self.assertEqual(escalation.state, "answered")
        self.assertEqual(escalation.answered_by_id, guide)
        self.assertEqual(ticket.scm_escalation_state, "replied")
        self.assertEqual(escalation.answered_date, ticket.scm_hq_reply_date)
        self.assertEqual(ticket.scm_hq_sla_result, "met")

    def test_svc_hq_02_who_sees_escalations(self):
        """SVC-HQ-02: another branch sees nothing; Audit reads only."""
        escalation = self.make_escalation(sent_at=utc(2026, 11, 19, 10))
        with self.assertRaises(AccessError):
            self.as_client(escalation, self.bj_manager).read(["subject"])
        self.assertFalse(
            self.as_client(self.Escalation, self.bj_manager).search(
                [("id", "=", escalation.id)]
            )
        )
        self.assertEqual(self.as_client(escalation, self.auditor).state, "sent")
        with self.assertRaises(AccessError):
            self.as_client(escalation, self.auditor).write({"feedback": "x"})
        with self.assertRaisesRegex(UserError, "the TSMS"):
            self.answer(escalation, self.wh_manager, utc(2026, 11, 20, 10))
        self.assertEqual(escalation.state, "sent")


@tagged("post_install", "-at_install")
class TestHqBulletin(ScmHqCase):
    """The monthly typical-issues bulletin: SVC-HQ-03."""

    def test_svc_hq_03_typical_escalation_in_novembers_bulletin(self):
        """SVC-HQ-03: an escalation of November marked typical by MCD is in
        November's bulletin, distributed to every active branch (November
        2025: the demo has the bulletin of last month)."""
        escalation = self.make_escalation(sent_at=utc(2025, 11, 19, 10))
        self.answer(escalation, self.tsms, utc(2025, 11, 20, 10))
        with self.assertRaisesRegex(UserError, "Only MCD"):
            self.as_client(escalation, self.wh_manager).action_mark_typical()
        self.as_client(escalation, self.mcd_consultant).action_mark_typical()
        self.assertTrue(escalation.is_typical)
        self.assertEqual(escalation.bulletin_month, date(2025, 11, 1))
        Bulletin = self.env["scm.service.bulletin"]
        with self.assertRaisesRegex(UserError, "Only MCD"):
            self.as_client(Bulletin, self.wh_manager).create({"month": "2025-11-15"})
        bulletin = self.as_client(Bulletin, self.mcd_consultant).create(
            {"month": "2025-11-15"}
        )
        self.assertEqual(bulletin.month, date(2025, 11, 1))
        # Branches do not see a draft bulletin.
        self.assertFalse(
            self.as_client(Bulletin, self.wh_manager).search([("id", "=", bulletin.id)])
        )
        self.as_client(bulletin, self.mcd_consultant).action_fill()
        self.assertEqual(bulletin.line_ids.escalation_id, escalation)
        self.assertEqual(bulletin.line_ids.solution, escalation.feedback)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                Bulletin.create({"month": "2025-11-01"})
        self.as_client(bulletin, self.tsms).action_distribute()
        self.assertEqual(bulletin.state, "distributed")
        branches = self.env["res.company"].search([("scm_unit_type", "=", "branch")])
        self.assertEqual(bulletin.scm_distribution_ids.recipient_company_id, branches)
        self.assertEqual(
            self.as_client(bulletin, self.bj_manager).line_ids.subject,
            escalation.subject,
        )
        month = self.env["scm.service.bulletin.month"].search(
            [("month", "=", "2025-11-01")]
        )
        self.assertEqual(month.bulletin_id, bulletin)
        self.assertFalse(month.missing)
        with self.assertRaisesRegex(UserError, "distributed"):
            self.as_client(bulletin, self.tsms).write({"introduction": "x"})

    def test_svc_hq_03_missing_month_flagged(self):
        """SVC-HQ-03: a month that ended without its bulletin is flagged,
        read live; the current month is not (yet)."""
        self.make_escalation(sent_at=utc(2026, 9, 15, 10))
        Month = self.env["scm.service.bulletin.month"]
        today = china_today()
        missing = Month.search([("missing", "=", True)]).mapped("month")
        self.assertIn(date(2026, 9, 1), missing)
        self.assertIn(date(2026, 10, 1), missing)
        self.assertNotIn(today.replace(day=1), missing)
        self.assertTrue(
            self.as_client(Month, self.wh_manager).search(
                [("month", "=", "2026-09-01"), ("missing", "=", True)]
            )
        )
