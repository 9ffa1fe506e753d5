from datetime import datetime, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ScmSalesCase

# Friday 2026-11-20, 10:00 in Beijing (02:00 UTC).
FRIDAY_10AM = "2026-11-20 02:00:00"
# The visit is planned for the same Friday afternoon, 14:00 Beijing.
FRIDAY_2PM = datetime(2026, 11, 20, 6, 0)


@tagged("post_install", "-at_install")
class TestCustomerVisit(ScmSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.consultant = cls.users["wh.consultant"]
        cls.manager = cls.users["wh.manager"]
        cls.attendance = cls.env.ref("scm_sales.user_wh_attendance")
        cls.Visit = cls.env["scm.customer.visit"]
        cls.Minutes = cls.env["scm.meeting.minutes"]
        with freeze_time(FRIDAY_10AM):
            cls.customer = cls.new_customer(
                cls.consultant,
                name="武汉测试走访服饰有限公司",
                email="boss@visit.example.com",
            )

    # -- helpers ------------------------------------------------------------------
    def new_visit(self, user=None, **vals):
        user = user or self.consultant
        values = {
            "partner_id": self.customer.id,
            "company_id": user.company_id.id,
            "planned_start": FRIDAY_2PM,
            "plan": "到客户总部介绍SCMS运作链管理方案",
            "objectives": "了解客户的库存管理问题，约定技术交流",
        }
        values.update(vals)
        return self.Visit.with_user(user).create(values)

    def approved_visit(self, **vals):
        visit = self.new_visit(**vals)
        visit.with_user(self.consultant).action_scm_submit()
        self.approve(visit, self.manager)
        return visit

    def report_values(self):
        return {
            "receiver_name": "刘建国",
            "receiver_position": "总经理",
            "receiver_is_decision_maker": "yes",
            "customer_needs": "库存不准，补货慢",
            "note_taker_id": self.users["wh.consultant2"].id,
            "meeting_notes": "客户介绍门店情况，同意下周技术交流。",
        }

    def visit_out(self, **vals):
        visit = self.approved_visit(**vals)
        visit.with_user(self.attendance).action_acknowledge()
        visit.with_user(self.consultant).action_depart()
        return visit

    def done_visit(self):
        visit = self.visit_out()
        visit.with_user(self.consultant).write(self.report_values())
        visit.with_user(self.consultant).action_done()
        return visit

    # -- SAL-VISIT-01 / 02: the contact log (core model) ----------------------------
    def test_sal_visit_01_contact_channels_without_cold_sale(self):
        """SAL-VISIT-01: the contact log offers fax / email / post / website and
        the three telephone uses, and no cold telephone sale."""
        field = self.env["scm.customer.contact"]._fields["channel"]
        values = {key for key, _label in field._description_selection(self.env)}
        self.assertLessEqual(
            {
                "fax",
                "email",
                "post",
                "website",
                "phone_confirm",
                "phone_appointment",
                "phone_invitation",
            },
            values,
        )
        self.assertFalse(
            [v for v in values if "cold" in v],
            "cold telephone selling is not a contact channel",
        )

    def test_sal_visit_02_controlled_materials_attach_to_material_contact(self):
        """SAL-VISIT-02: the three controlled brochures are selectable on a
        material-sending contact."""
        brochures = (
            self.env.ref("scm_sales.material_image_brochure")
            | self.env.ref("scm_sales.material_product_brochure")
            | self.env.ref("scm_sales.material_first_intuition")
        )
        selectable = (
            self.env["scm.sales.material"].with_user(self.consultant).search([])
        )
        self.assertLessEqual(brochures, selectable)
        contact = (
            self.env["scm.customer.contact"]
            .with_user(self.consultant)
            .create(
                {
                    "partner_id": self.customer.id,
                    "user_id": self.consultant.id,
                    "contact_type": "material",
                    "channel": "email",
                    "material_ids": [(6, 0, brochures.ids)],
                    "summary": "寄送公司宣传资料",
                }
            )
        )
        self.assertEqual(contact.material_ids, brochures)

    # -- SAL-VISIT-03 ---------------------------------------------------------------
    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_03_report_fields_and_optional_introducer(self):
        """SAL-VISIT-03: the visit records receiver name and position, whether
        the receiver decides, the stated needs and an optional introducer; a
        visit is closed only with the receiver known."""
        fields_ = self.Visit._fields
        self.assertEqual(fields_["receiver_name"].type, "char")
        self.assertEqual(fields_["receiver_position"].type, "char")
        self.assertEqual(
            [k for k, _v in fields_["receiver_is_decision_maker"].selection],
            ["yes", "no"],
        )
        self.assertEqual(fields_["customer_needs"].type, "text")
        self.assertEqual(
            {k for k, _v in fields_["introducer_type"].selection},
            {"garment_association", "textile_bureau", "garment_company", "other"},
        )
        self.assertFalse(fields_["introducer_type"].required)
        visit = self.visit_out()
        self.assertFalse(visit.introducer_type, "the introducer is optional")
        values = self.report_values()
        values.pop("receiver_position")
        visit.with_user(self.consultant).write(values)
        with self.assertRaises(ValidationError):
            visit.with_user(self.consultant).action_done()
        self.assertEqual(visit.visit_stage, "out")
        visit.with_user(self.consultant).write(
            {
                "receiver_position": "总经理",
                "introducer_type": "garment_association",
                "introducer_name": "武汉市服装协会",
            }
        )
        visit.with_user(self.consultant).action_done()
        self.assertEqual(visit.visit_stage, "done")

    # -- SAL-VISIT-04 ---------------------------------------------------------------
    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_04_out_only_after_approval_and_acknowledgement(self):
        """SAL-VISIT-04: the consultant leaves only once the Branch Manager
        approved and the Attendance Administrator acknowledged the form."""
        visit = self.new_visit()
        consultant_visit = visit.with_user(self.consultant)
        with self.assertRaises(UserError):
            consultant_visit.action_depart()
        consultant_visit.action_scm_submit()
        self.assertEqual((visit.state, visit.visit_stage), ("to_approve", "submitted"))
        self.assertEqual(visit.review_ids.reviewer_ids, self.manager)
        with self.assertRaises(UserError):
            consultant_visit.action_depart()
        self.approve(visit, self.manager)
        self.assertEqual((visit.state, visit.visit_stage), ("approved", "approved"))
        notice = self.env["scm.notice"]._scm_sent(visit)
        self.assertIn(self.attendance.partner_id, notice.recipient_ids)
        with self.assertRaises(UserError):
            consultant_visit.action_depart()
        self.assertEqual(visit.visit_stage, "approved")
        visit.with_user(self.attendance).action_acknowledge()
        self.assertEqual(visit.acknowledged_by_id, self.attendance)
        self.assertTrue(visit.acknowledged_date)
        consultant_visit.action_depart()
        self.assertEqual(visit.visit_stage, "out")
        self.assertTrue(visit.departed_date)

    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_04_objectives_required(self):
        """SAL-VISIT-04: objectives and plan are required; blank ones are
        refused at submission and the form stays a draft."""
        self.assertTrue(self.Visit._fields["objectives"].required)
        self.assertTrue(self.Visit._fields["plan"].required)
        visit = self.new_visit(objectives="   ")
        with self.assertRaises(ValidationError):
            visit.with_user(self.consultant).action_scm_submit()
        self.assertEqual((visit.state, visit.visit_stage), ("draft", "draft"))
        self.assertFalse(visit.review_ids)

    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_04_request_after_visit_date_refused(self):
        """SAL-VISIT-04 (bad input): a form for a visit already past is refused
        at creation and at submission, with nothing written."""
        count = self.Visit.search_count([])
        with self.assertRaises(ValidationError):
            self.new_visit(planned_start=datetime(2026, 11, 19, 6, 0))
        self.assertEqual(self.Visit.search_count([]), count)
        visit = self.new_visit()
        with freeze_time("2026-11-20 07:00:00"):
            with self.assertRaises(ValidationError):
                visit.with_user(self.consultant).action_scm_submit()
        self.assertEqual((visit.state, visit.visit_stage), ("draft", "draft"))
        self.assertFalse(visit.scm_approval_round_ids)

    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_04_territory_checked(self):
        """SAL-TERR (via core): a visit for a customer the branch may not work
        is refused, with nothing written."""
        partner_class = type(self.env["res.partner"])
        count = self.Visit.search_count([])
        with patch.object(
            partner_class,
            "_scm_assert_branch_may_work",
            side_effect=UserError("另一分公司的区域"),
        ) as check:
            with self.assertRaises(UserError):
                self.new_visit()
            check.assert_called()
        self.assertEqual(self.Visit.search_count([]), count)
        # The real rule: a Hubei customer is not Beijing's to visit.
        visit = self.new_visit()
        with self.assertRaises(UserError):
            visit.sudo().write({"company_id": self.beijing.id})
        self.assertEqual(visit.company_id, self.wuhan)

    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_04_attendance_admin_acknowledges_but_cannot_approve(self):
        """SAL-VISIT-04 (access): the Wuhan Attendance Administrator acknowledges
        but is not an approver; the consultant cannot acknowledge."""
        visit = self.new_visit()
        visit.with_user(self.consultant).action_scm_submit()
        self.assertFalse(visit.with_user(self.attendance).can_review)
        with self.assertRaises(UserError):
            self.approve(visit, self.attendance)
        self.assertEqual(visit.state, "to_approve")
        with self.assertRaises(UserError):
            visit.with_user(self.attendance).action_acknowledge()
        self.approve(visit, self.manager)
        with self.assertRaises(AccessError):
            visit.with_user(self.consultant).action_acknowledge()
        with self.assertRaises(AccessError):
            visit.with_user(self.manager).action_acknowledge()
        visit.with_user(self.attendance).action_acknowledge()
        self.assertEqual(visit.visit_stage, "acknowledged")
        with self.assertRaises(AccessError):
            self.Visit.with_user(self.attendance).create(
                {
                    "partner_id": self.customer.id,
                    "planned_start": FRIDAY_2PM,
                    "plan": "x",
                    "objectives": "y",
                }
            )

    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_04_rejection_returns_to_draft(self):
        """SAL-VISIT-04: a rejected form returns to the consultant as a draft."""
        visit = self.new_visit()
        visit.with_user(self.consultant).action_scm_submit()
        self.reject(visit, self.manager, "目标不清楚")
        self.assertEqual((visit.state, visit.visit_stage), ("draft", "draft"))
        visit.with_user(self.consultant).write({"objectives": "确认决策人和预算"})
        visit.with_user(self.consultant).action_scm_submit()
        self.assertEqual(visit.visit_stage, "submitted")

    # -- SAL-VISIT-05 / SAL-CUST-08 -------------------------------------------------
    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_05_done_requires_note_taker_and_notes(self):
        """SAL-VISIT-05 (bad input): closing without note-taker or notes is
        refused, and nothing is logged."""
        visit = self.visit_out()
        values = self.report_values()
        values.pop("meeting_notes")
        visit.with_user(self.consultant).write(values)
        contacts = self.env["scm.customer.contact"].search_count([])
        with self.assertRaises(ValidationError):
            visit.with_user(self.consultant).action_done()
        visit.with_user(self.consultant).write(
            {"meeting_notes": "会谈记录", "note_taker_id": False}
        )
        with self.assertRaises(ValidationError):
            visit.with_user(self.consultant).action_done()
        self.assertEqual(visit.visit_stage, "out")
        self.assertFalse(visit.contact_id)
        self.assertFalse(visit.minutes_ids)
        self.assertEqual(self.env["scm.customer.contact"].search_count([]), contacts)
        visit.with_user(self.consultant).write(
            {"note_taker_id": self.users["wh.consultant2"].id}
        )
        visit.with_user(self.consultant).action_done()
        self.assertEqual(visit.visit_stage, "done")

    @freeze_time(FRIDAY_10AM)
    def test_sal_cust_08_done_visit_has_meeting_contact(self):
        """SAL-CUST-08: every visit marked done has a meeting in the contact
        log; a visit cannot be closed without one."""
        visit = self.done_visit()
        contact = visit.contact_id
        self.assertEqual(contact.contact_type, "meeting")
        self.assertEqual(contact.partner_id, self.customer)
        self.assertEqual(contact.user_id, self.consultant)
        self.assertIn("刘建国", contact.summary)
        with self.assertRaises(ValidationError):
            visit.sudo().with_context(scm_visit_internal=True).write(
                {"contact_id": False}
            )
        other = self.visit_out(planned_start=FRIDAY_2PM + timedelta(hours=3))
        with self.assertRaises(ValidationError):
            other.sudo()._scm_set_stage("done")

    # -- SAL-VISIT-06 ---------------------------------------------------------------
    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_06_minutes_due_two_working_days_flagged_late(self):
        """SAL-VISIT-06: closing the visit opens the minutes, due at the meeting
        date + 2 working days, owed by the consultant; late ones are flagged."""
        visit = self.done_visit()
        minutes = visit.minutes_ids
        self.assertEqual(len(minutes), 1)
        self.assertEqual(minutes.context, "sales")
        self.assertEqual(minutes.user_id, self.consultant)
        self.assertEqual(minutes.meeting_date, visit.departed_date)
        # Friday + 2 working days = Tuesday 24th, 23:59:59 Beijing.
        self.assertEqual(minutes.due_date, datetime(2026, 11, 24, 15, 59, 59))
        deadline = minutes.scm_deadline_ids
        self.assertEqual(deadline.rule_code, "SAL-VISIT-06")
        self.assertEqual(deadline.user_id, self.consultant)
        self.assertEqual(deadline.due_date, minutes.due_date)
        self.assertFalse(minutes.is_late)
        with freeze_time("2026-11-24 10:00:00"):
            minutes.invalidate_recordset(["is_late"])
            self.assertFalse(minutes.is_late)
        with freeze_time("2026-11-25 02:00:00"):
            minutes.invalidate_recordset(["is_late"])
            self.assertTrue(minutes.is_late)
            self.assertIn(minutes, self.Minutes.search([("is_late", "=", True)]))
            self.assertTrue(minutes.scm_deadline_overdue)
            minutes.with_user(self.consultant).action_scm_submit()
            self.assertEqual(deadline.state, "done")
            self.assertGreater(deadline.days_late, 0)
        minutes.invalidate_recordset(["is_late"])
        self.assertTrue(minutes.is_late, "written after the due date stays late")

    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_06_minutes_reviewed_sent_confirmed(self):
        """SAL-VISIT-06: draft → reviewed → sent → receipt confirmed; sending
        without the department manager's review is blocked."""
        minutes = self.done_visit().minutes_ids.with_user(self.consultant)
        with self.assertRaises(UserError):
            minutes.action_send()
        minutes.action_scm_submit()
        self.assertEqual(minutes.review_ids.reviewer_ids, self.manager)
        with self.assertRaises(UserError):
            minutes.action_send()
        with self.assertRaises(UserError):
            minutes.write({"content": "改写"})
        self.approve(minutes, self.manager, "审阅通过")
        self.assertEqual(minutes.minutes_stage, "reviewed")
        self.assertEqual(minutes.reviewed_by_id, self.manager)
        self.assertTrue(minutes.reviewed_date)
        with self.assertRaises(UserError):
            minutes.action_confirm_receipt()
        minutes.action_send()
        self.assertEqual(minutes.minutes_stage, "sent")
        self.assertIn(self.customer, minutes.notice_id.recipient_ids)
        self.assertEqual(minutes.sent_by_id, self.consultant)
        minutes.write({"receipt_note": "客户邮件回复"})
        minutes.action_confirm_receipt()
        self.assertEqual(minutes.minutes_stage, "confirmed")
        self.assertEqual(minutes.receipt_confirmed_by_id, self.consultant)
        with self.assertRaises(UserError):
            minutes.action_send()
        with self.assertRaises(UserError):
            minutes.unlink()

    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_06_minutes_access(self):
        """SAL-VISIT-06 (access): another branch cannot read the minutes, the
        auditor reads but cannot write, and only the author or a manager
        sends them."""
        minutes = self.done_visit().minutes_ids
        with self.assertRaises(AccessError):
            minutes.with_user(self.users["bj.consultant"]).read(["name"])
        auditor = self.users["audit.staff"]
        self.assertTrue(minutes.with_user(auditor).read(["content"]))
        with self.assertRaises(AccessError):
            minutes.with_user(auditor).write({"location": "x"})
        minutes.with_user(self.consultant).action_scm_submit()
        self.approve(minutes, self.manager)
        with self.assertRaises(AccessError):
            minutes.with_user(self.users["wh.consultant2"]).action_send()
        self.assertEqual(minutes.minutes_stage, "reviewed")

    # -- SAL-VISIT-07 ---------------------------------------------------------------
    @freeze_time(FRIDAY_10AM)
    def test_sal_visit_07_revisit_requires_tracking_summary(self):
        """SAL-VISIT-07: a follow-up visit needs a recent tracking summary (and
        the likely issues, 000 §二.2.3.1) and objectives before approval."""
        visit = self.new_visit(visit_kind="revisit")
        with self.assertRaises(ValidationError):
            visit.with_user(self.consultant).action_scm_submit()
        visit.with_user(self.consultant).write({"tracking_summary": "客户已收到纪要"})
        with self.assertRaises(ValidationError):
            visit.with_user(self.consultant).action_scm_submit()
        self.assertEqual(visit.state, "draft")
        visit.with_user(self.consultant).write({"likely_issues": "报价与实施周期"})
        visit.with_user(self.consultant).action_scm_submit()
        self.assertEqual(visit.visit_stage, "submitted")
        first = self.new_visit()
        first.with_user(self.consultant).action_scm_submit()
        self.assertFalse(first.tracking_summary, "a first visit needs no tracking")

    # -- access -------------------------------------------------------------------
    @freeze_time(FRIDAY_10AM)
    def test_visit_access_by_role(self):
        """Branch isolation: bj.consultant cannot read a Wuhan visit; the
        auditor reads every branch but writes nothing; the Wuhan manager
        reads his branch's visits."""
        visit = self.new_visit()
        with self.assertRaises(AccessError):
            visit.with_user(self.users["bj.consultant"]).read(["name"])
        self.assertNotIn(
            visit, self.Visit.with_user(self.users["bj.consultant"]).search([])
        )
        self.assertIn(visit, self.Visit.with_user(self.manager).search([]))
        auditor = self.users["audit.staff"]
        self.assertEqual(visit.with_user(auditor).read(["plan"])[0]["plan"], visit.plan)
        with self.assertRaises(AccessError):
            visit.with_user(auditor).write({"plan": "改"})
        with self.assertRaises(AccessError):
            self.new_visit(user=auditor)
        with self.assertRaises(AccessError):
            visit.with_user(auditor).unlink()
        colleague = self.users["wh.consultant2"]
        self.assertTrue(visit.with_user(colleague).read(["plan"]))
        with self.assertRaises(AccessError):
            visit.with_user(colleague).write({"plan": "同事改的计划"})
        with self.assertRaises(AccessError):
            visit.with_user(colleague).action_scm_submit()
        visit.with_user(self.manager).write({"plan": "经理补充的计划"})
        self.assertEqual(visit.plan, "经理补充的计划")

    # -- illegal transitions ----------------------------------------------------------
    @freeze_time(FRIDAY_10AM)
    def test_visit_illegal_transitions(self):
        """Transitions out of order are refused and change nothing."""
        visit = self.new_visit()
        consultant_visit = visit.with_user(self.consultant)
        with self.assertRaises(UserError):
            consultant_visit.action_done()
        with self.assertRaises(UserError):
            visit.with_user(self.attendance).action_acknowledge()
        with self.assertRaises(UserError):
            consultant_visit.write({"visit_stage": "done"})
        self.assertEqual(visit.visit_stage, "draft")
        consultant_visit.action_scm_submit()
        with self.assertRaises(UserError):
            consultant_visit.action_scm_submit()
        self.approve(visit, self.manager)
        with self.assertRaises(UserError):
            consultant_visit.write({"objectives": "改目标"})
        with self.assertRaises(UserError):
            consultant_visit.unlink()
        visit.with_user(self.attendance).action_acknowledge()
        with self.assertRaises(UserError):
            visit.with_user(self.attendance).action_acknowledge()
        consultant_visit.action_depart()
        with self.assertRaises(UserError):
            consultant_visit.action_cancel()
        consultant_visit.write(self.report_values())
        consultant_visit.action_done()
        with self.assertRaises(UserError):
            consultant_visit.action_done()
        with self.assertRaises(UserError):
            consultant_visit.write({"meeting_notes": "事后修改"})
        self.assertEqual(visit.visit_stage, "done")

    @freeze_time(FRIDAY_10AM)
    def test_visit_cancel_under_review(self):
        """Cancelling a submitted visit closes its review round."""
        visit = self.new_visit()
        visit.with_user(self.consultant).action_scm_submit()
        visit.with_user(self.consultant).action_cancel()
        self.assertEqual((visit.state, visit.visit_stage), ("cancel", "cancelled"))
        self.assertEqual(visit.scm_approval_round_ids.state, "withdrawn")
        with self.assertRaises(UserError):
            visit.with_user(self.consultant).action_depart()

    # -- reports and demo -------------------------------------------------------------
    @freeze_time(FRIDAY_10AM)
    def test_visit_reports_render_names(self):
        """The visit form and the minutes print approval, acknowledgement and
        review names."""
        visit = self.done_visit()
        minutes = visit.minutes_ids
        minutes.with_user(self.consultant).action_scm_submit()
        self.approve(minutes, self.manager)
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html(
            "scm_sales.report_scm_customer_visit", visit.ids
        )[0].decode()
        self.assertIn(self.manager.name, html)
        self.assertIn(self.attendance.name, html)
        html = Report._render_qweb_html(
            "scm_sales.report_scm_meeting_minutes", minutes.ids
        )[0].decode()
        self.assertIn(self.manager.name, html)

    def test_visit_demo_story(self):
        """The demo tells the story: a done Wuhan visit with confirmed minutes,
        an approved Beijing visit and a draft revisit."""
        done = self.env.ref("scm_sales.visit_wh_chufeng")
        self.assertEqual(done.visit_stage, "done")
        self.assertEqual(done.acknowledged_by_id, self.attendance)
        self.assertEqual(done.minutes_ids.minutes_stage, "confirmed")
        self.assertEqual(done.contact_id.contact_type, "meeting")
        self.assertEqual(
            self.env.ref("scm_sales.visit_bj_jinghua").visit_stage, "approved"
        )
        self.assertEqual(
            self.env.ref("scm_sales.visit_wh_chufeng_revisit").visit_stage, "draft"
        )

    # -- performance ----------------------------------------------------------------
    def _list_queries(self, user):
        view = self.env.ref("scm_sales.view_scm_customer_visit_list")
        views = self.Visit.get_views([(view.id, "list")])
        spec = {name: {} for name in views["models"]["scm.customer.visit"]["fields"]}
        for many2one in ("company_id", "user_id", "partner_id", "acknowledged_by_id"):
            spec[many2one] = {"fields": {"display_name": {}}}
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = self.Visit.with_user(user).web_search_read(
            [("company_id", "=", self.wuhan.id)], spec
        )
        return self.env.cr.sql_log_count - before, result["length"]

    @freeze_time(FRIDAY_10AM)
    @mute_logger("odoo.models.unlink")
    def test_visit_list_constant_queries(self):
        """The visit list costs the same queries for 3 rows or 13."""
        for hour in range(3):
            self.approved_visit(planned_start=FRIDAY_2PM + timedelta(hours=hour))
        self._list_queries(self.manager)
        few, rows_few = self._list_queries(self.manager)
        for hour in range(3, 13):
            self.approved_visit(planned_start=FRIDAY_2PM + timedelta(hours=hour))
        many, rows_many = self._list_queries(self.manager)
        self.assertEqual(rows_many - rows_few, 10)
        self.assertEqual(few, many)
