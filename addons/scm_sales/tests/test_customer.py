import io
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from odoo.addons.scm_base.tests.common import china_today

from .common import ScmSalesCase


@tagged("post_install", "-at_install")
class TestCustomerFile(ScmSalesCase):
    def test_sal_cust_01_file_requires_channel_and_fields(self):
        """SAL-CUST-01: the file needs a source channel from the manual's list
        (plus other), its province, collection date and class; an incomplete
        file is refused with nothing written."""
        channels = dict(self.Partner._fields["scm_source_channel"].selection)
        self.assertEqual(
            set(channels),
            {
                "exhibition",
                "press",
                "internet",
                "association",
                "mall",
                "partner",
                "other",
            },
        )
        before = self.Partner.sudo().search_count([("scm_is_customer", "=", True)])
        for missing in ("scm_source_channel", "scm_collected_date", "state_id"):
            with self.assertRaises(ValidationError):
                self.new_customer(name=f"缺{missing}服饰", **{missing: False})
        self.assertEqual(
            self.Partner.sudo().search_count([("scm_is_customer", "=", True)]), before
        )

    @freeze_time("2026-11-20 02:00:00")
    def test_sal_cust_02_entry_within_two_working_days_then_sent(self):
        """SAL-CUST-02: entry only through the branch manager's review, within
        2 WD of collection (Friday → Tuesday); sending to MSD is owed the next
        day by the branch's designated person."""
        customer = self.new_customer(
            name="武汉锦绣服饰", scm_collected_date=fields.Date.to_date("2026-11-20")
        )
        entry = customer._scm_deadlines("SAL-CUST-02")
        self.assertEqual(entry.user_id, self.users["wh.consultant"])
        self.assertEqual(
            self.workday._local_date(entry.due_date, self.wuhan),
            fields.Date.to_date("2026-11-24"),
        )
        with self.assertRaises(UserError):
            customer.with_user(self.users["wh.consultant"]).action_scm_file_review()
        customer.with_user(self.users["wh.consultant"]).action_scm_file_submit()
        with self.assertRaises(UserError):
            customer.with_user(self.users["wh.consultant"]).action_scm_file_review()
        with self.assertRaises(UserError):
            customer.with_user(self.users["bj.manager"]).action_scm_file_review()
        with freeze_time("2026-11-25 02:00:00"):
            customer.with_user(self.users["wh.manager"]).action_scm_file_review()
        self.assertEqual(customer.scm_file_state, "entered")
        self.assertEqual(entry.state, "done")
        self.assertTrue(entry.is_overdue, "entered one working day late")
        self.assertEqual(entry.days_late, 1)
        send = customer._scm_deadlines("SAL-CUST-02-SEND")
        self.assertTrue(send)
        with freeze_time("2026-11-27 02:00:00"):
            customer.with_user(self.users["wh.manager"]).action_scm_file_send()
        self.assertEqual(customer.scm_file_state, "sent")
        self.assertTrue(
            customer._scm_deadlines("SAL-CUST-02-SEND", state="done").is_overdue
        )

    def test_sal_cust_03_archived_only_through_the_designees_task(self):
        """SAL-CUST-03: receipt at MSD creates an archive task for the
        designee, the only way to the archived state."""
        customer = self.new_customer(name="武汉汉口服饰")
        customer.with_user(self.users["wh.consultant"]).action_scm_file_submit()
        customer.with_user(self.users["wh.manager"]).action_scm_file_review()
        customer.with_user(self.users["wh.manager"]).action_scm_file_send()
        archive_type = self.env.ref("scm_sales.mail_activity_type_scm_archive")
        designee = self.users["msd.presales"]
        customer.with_user(self.users["msd.manager"]).action_scm_file_designate(
            designee
        )
        task = customer.activity_ids.filtered(
            lambda a: a.activity_type_id == archive_type
        )
        self.assertEqual(task.user_id, designee)
        with self.assertRaises(UserError):
            customer.with_user(self.users["msd.manager"]).action_scm_file_archive()
        with self.assertRaises(UserError):
            customer.with_user(self.users["wh.consultant"]).action_scm_file_designate(
                self.users["wh.consultant"]
            )
        with self.assertRaises(UserError):
            customer.with_user(self.users["wh.consultant"]).write(
                {"scm_archivist_id": self.users["wh.consultant2"].id}
            )
        customer.with_user(designee).action_scm_file_archive()
        self.assertEqual(customer.scm_file_state, "archived")
        with self.assertRaises(UserError):
            customer.with_user(self.users["wh.manager"]).write(
                {"scm_file_state": "draft"}
            )

    def test_sal_cust_04_first_recorder_owns_and_manager_decides(self):
        """SAL-CUST-04: a second consultant recording the same customer gets
        a conflict naming the first recorder; the branch manager's override is
        logged with its reason."""
        first = self.new_customer(self.users["wh.consultant"], name="武汉 楚天 服饰")
        with self.assertRaisesRegex(UserError, self.users["wh.consultant"].name):
            self.new_customer(self.users["wh.consultant2"], name="武汉楚天服饰")
        with self.assertRaises(UserError):
            first.with_user(self.users["wh.consultant2"]).sudo(False).write(
                {"user_id": self.users["wh.consultant2"].id}
            )
        self.env["scm.customer.reassign"].with_user(self.users["wh.manager"]).create(
            {
                "partner_ids": [(6, 0, first.ids)],
                "reason_type": "conflict",
                "user_id": self.users["wh.consultant2"].id,
                "reason": "汪顾问已与对方总经理建立联系，经理裁决归属",
            }
        ).action_apply()
        first = first.sudo()
        self.assertEqual(first.user_id, self.users["wh.consultant2"])
        self.assertEqual(first.scm_first_recorder_id, self.users["wh.consultant"])
        self.assertIn("经理裁决", first.message_ids[0].body)

    def test_sal_cust_05_campaign_leads_queue_with_consultant_load(self):
        """SAL-CUST-05: unassigned campaign leads wait in the branch manager's
        queue, which shows each consultant's customers and suggests the least
        loaded."""
        campaign = self.env["utm.campaign"].create({"name": "武汉巡展"})
        lead = self.env["crm.lead"].create(
            {
                "name": "巡展线索",
                "campaign_id": campaign.id,
                "company_id": self.wuhan.id,
                "user_id": False,
            }
        )
        self.assertTrue(lead.scm_is_campaign)
        queue = (
            self.env["crm.lead"]
            .with_user(self.users["wh.manager"])
            .search([("scm_is_campaign", "=", True), ("user_id", "=", False)])
        )
        self.assertIn(lead, queue)
        for index in range(3):
            self.new_customer(self.users["wh.consultant"], name=f"武汉客户{index}")
        action = lead.with_user(self.users["wh.manager"]).action_scm_allocate()
        wizard = (
            self.env["scm.customer.reassign"]
            .with_user(self.users["wh.manager"])
            .with_context(**action["context"])
            .create({"reason": "按负荷分配"})
        )
        loads = {user: count for user, count, _leads in wizard._consultant_loads()}
        self.assertIn(self.users["wh.consultant"], loads)
        self.assertIn(self.users["wh.consultant"].name, wizard.load_summary)
        self.assertEqual(wizard.user_id, min(loads, key=lambda u: (loads[u], u.id)))
        wizard.action_apply()
        self.assertTrue(lead.user_id)
        with self.assertRaises(UserError):
            lead.with_user(self.users["bj.manager"]).action_scm_allocate()
            self.env["scm.customer.reassign"].with_user(
                self.users["bj.manager"]
            ).create(
                {
                    "lead_ids": [(6, 0, lead.ids)],
                    "reason_type": "allocation",
                    "user_id": self.users["bj.consultant"].id,
                    "reason": "x",
                }
            ).action_apply()

    def test_sal_cust_06_no_contact_within_a_week_allows_reassignment(self):
        """SAL-CUST-06: a customer not contacted within 7 days of assignment
        is flagged and the branch manager may reassign it; ownerless
        customers are listed."""
        start = datetime(2026, 11, 2, 2, 0)
        with freeze_time(start):
            customer = self.new_customer(name="武汉新洲服饰")
        reassign = {
            "partner_ids": [(6, 0, customer.ids)],
            "reason_type": "no_contact",
            "user_id": self.users["wh.consultant2"].id,
            "reason": "一周未联系",
        }
        Wizard = self.env["scm.customer.reassign"].with_user(self.users["wh.manager"])
        with freeze_time(start + timedelta(days=5)):
            self.assertFalse(customer.scm_contact_overdue)
            with self.assertRaises(UserError):
                Wizard.create(reassign).action_apply()
        with freeze_time(start + timedelta(days=8)):
            customer.invalidate_recordset(["scm_contact_overdue"])
            self.assertTrue(customer.scm_contact_overdue)
            self.assertIn(
                customer, self.Partner.search([("scm_contact_overdue", "=", True)])
            )
            deadline = customer._scm_deadlines("SAL-CUST-06")
            self.assertTrue(deadline.due_date < fields.Datetime.now())
            Wizard.create(reassign).action_apply()
        self.assertEqual(customer.user_id, self.users["wh.consultant2"])
        self.assertEqual(
            customer._scm_deadlines("SAL-CUST-06").user_id, self.users["wh.consultant2"]
        )
        self.env["scm.customer.contact"].with_user(self.users["wh.consultant2"]).create(
            {
                "partner_id": customer.id,
                "contact_type": "phone",
                "channel": "phone_appointment",
                "summary": "约访",
            }
        )
        self.assertFalse(customer._scm_deadlines("SAL-CUST-06"))
        customer.with_context(scm_partner_method=True).sudo().write({"user_id": False})
        self.assertIn(
            customer,
            self.Partner.with_user(self.users["wh.manager"]).search(
                [("scm_is_customer", "=", True), ("user_id", "=", False)]
            ),
        )

    def test_sal_cust_07_six_classes_reported(self):
        """SAL-CUST-07: the class is required, with exactly the six values, and
        the pipeline groups by it."""
        classes = dict(self.Partner._fields["scm_customer_class"].selection)
        self.assertEqual(
            list(classes),
            ["signed", "intent", "key", "progress", "potential", "tracking"],
        )
        with self.assertRaises(ValidationError):
            self.new_customer(name="无分类服饰", scm_customer_class=False)
        customer = self.new_customer(name="武汉江夏服饰", scm_customer_class="key")
        lead = self.env["crm.lead"].create(
            {
                "name": "江夏服饰 SCMS",
                "partner_id": customer.id,
                "company_id": self.wuhan.id,
            }
        )
        self.assertEqual(lead.scm_customer_class, "key")
        groups = self.env["crm.lead"]._read_group(
            [("id", "=", lead.id)], ["scm_customer_class"], ["__count"]
        )
        self.assertEqual(groups, [("key", 1)])

    def test_sal_cust_08_contact_log_types(self):
        """SAL-CUST-08: meetings and phone calls are logged on the customer."""
        customer = self.new_customer(name="武汉蔡甸服饰")
        Contact = self.env["scm.customer.contact"].with_user(
            self.users["wh.consultant"]
        )
        Contact.create(
            {
                "partner_id": customer.id,
                "contact_type": "meeting",
                "channel": "visit",
                "summary": "面谈",
            }
        )
        Contact.create(
            {
                "partner_id": customer.id,
                "contact_type": "phone",
                "channel": "phone_confirm",
                "summary": "确认收到资料",
            }
        )
        self.assertEqual(len(customer.scm_contact_ids), 2)
        self.assertTrue(customer.scm_last_contact_date)
        with self.assertRaises(UserError):
            Contact.create(
                {
                    "partner_id": customer.id,
                    "contact_type": "phone",
                    "channel": "email",
                    "summary": "错误渠道",
                }
            )

    def test_sup_cont_01_first_recorder_is_read_only(self):
        """SUP-CONT-01: the first recorder is set at creation and cannot be
        edited afterwards, even by managers."""
        customer = self.new_customer(name="武汉东湖服饰")
        self.assertEqual(customer.scm_first_recorder_id, self.users["wh.consultant"])
        for login in ("wh.manager", "msd.manager"):
            with self.assertRaises(UserError):
                customer.with_user(self.users[login]).write(
                    {"scm_first_recorder_id": self.users[login].id}
                )

    def test_customer_form_as_consultant(self):
        """The customer form fills a complete file as the consultant."""
        partner_form = Form(
            self.Partner.with_user(self.users["wh.consultant"]).with_context(
                default_scm_is_customer=True, default_is_company=True
            ),
            view="scm_sales.view_partner_form_scm_customer",
        )
        partner_form.name = "武汉光谷服饰"
        partner_form.state_id = self.hubei
        partner_form.scm_source_channel = "mall"
        partner_form.scm_collected_date = china_today()
        partner_form.scm_customer_class = "tracking"
        customer = partner_form.save()
        self.assertEqual(customer.company_id, self.wuhan)
        self.assertEqual(customer.user_id, self.users["wh.consultant"])


@tagged("post_install", "-at_install")
class TestCustomerGrading(ScmSalesCase):
    def _grading(self, user, customer, grade, **vals):
        values = {
            "partner_id": customer.id,
            "grade": grade,
            "annual_sales": 500000,
            "price_level": "high",
            "payment_collection": "good",
        }
        values.update(vals)
        return self.env["scm.customer.grading"].with_user(user).create(values)

    def test_sup_grd_01_grade_with_three_indicators(self):
        """SUP-GRD-01: grade A/B/C, separate from the class, from three stored
        indicators; the grade changes only through a grading."""
        self.assertEqual(
            [v for v, _l in self.Partner._fields["scm_grade"].selection],
            ["A", "B", "C"],
        )
        customer = self.new_customer(name="武汉江岸服饰")
        with self.assertRaises(UserError):
            customer.with_user(self.users["wh.manager"]).write({"scm_grade": "A"})
        grading = self._grading(self.users["wh.consultant"], customer, "B")
        self.assertEqual(
            (grading.annual_sales, grading.price_level, grading.payment_collection),
            (500000, "high", "good"),
        )
        with self.assertRaises(UserError):
            self._grading(self.users["wh.consultant"], customer, "C", annual_sales=-1)
        grading.action_scm_submit()
        self.assertEqual(grading.review_ids.reviewer_ids, self.users["msd.manager"])
        self.approve(grading, self.users["msd.manager"])
        self.assertEqual(customer.scm_grade, "B")
        self.assertEqual(customer.scm_customer_class, "potential")

    def test_sup_grd_02_yearly_regrading_and_provisional(self):
        """SUP-GRD-02: a grade older than 12 months is flagged, the yearly
        campaign opens a grading for each due customer, and a provisional
        grade is flagged six months after the first contract."""
        customer = self.new_customer(name="武汉青山服饰")
        self.assertTrue(customer.scm_grade_stale)
        grading = self._grading(
            self.users["wh.consultant"], customer, "C", provisional=True
        )
        grading.action_scm_submit()
        self.approve(grading, self.users["msd.manager"])
        self.assertFalse(customer.scm_grade_stale)
        self.assertTrue(customer.scm_grade_provisional)
        customer._scm_on_contract_signed(fields.Date.to_date("2026-01-10"))
        with freeze_time("2026-05-01"):
            customer.invalidate_recordset(["scm_grade_review_due"])
            self.assertFalse(customer.scm_grade_review_due)
        with freeze_time("2026-07-15"):
            customer.invalidate_recordset(["scm_grade_review_due"])
            self.assertTrue(customer.scm_grade_review_due)
            self.assertIn(
                customer, self.Partner.search([("scm_grade_review_due", "=", True)])
            )
        with freeze_time(china_today() + timedelta(days=400)):
            customer.invalidate_recordset(["scm_grade_stale"])
            self.assertTrue(customer.scm_grade_stale)
            gradings = self.env["scm.customer.grading"]._scm_open_campaign()
            self.assertIn(customer, gradings.mapped("partner_id"))
            mine = gradings.filtered(lambda g: g.partner_id == customer)
            self.assertEqual(mine.activity_ids.user_id, self.users["wh.consultant"])
            again = self.env["scm.customer.grading"]._scm_open_campaign()
            self.assertNotIn(customer, again.mapped("partner_id"))

    def test_sup_grd_03_a_grade_three_steps_and_decline(self):
        """SUP-GRD-03: A is proposed by the branch manager, reviewed by MSD,
        approved by the Market Center; declining an A customer's opportunity
        needs the MSD Manager."""
        customer = self.new_customer(name="武汉汉阳服饰")
        with self.assertRaises(UserError):
            self._grading(
                self.users["wh.consultant"], customer, "A"
            ).action_scm_submit()
        grading = self._grading(self.users["wh.manager"], customer, "A")
        grading.action_scm_submit()
        reviewers = grading.review_ids.sorted("sequence").mapped("reviewer_ids")
        self.assertEqual(
            reviewers, self.users["msd.manager"] | self.users["mc.manager"]
        )
        # Not his turn yet: the decision is refused (scm_base's guard).
        with self.assertRaises(UserError):
            self.approve(grading, self.users["mc.manager"])
        self.assertFalse(
            grading.review_ids.filtered(lambda r: r.status == "approved"),
            "the Market Center Manager waits for MSD's review",
        )
        self.approve(grading, self.users["msd.manager"])
        self.assertEqual(grading.state, "to_approve")
        self.assertFalse(customer.scm_grade)
        self.approve(grading, self.users["mc.manager"])
        self.assertEqual(customer.scm_grade, "A")
        lead = (
            self.env["crm.lead"]
            .with_user(self.users["wh.consultant"])
            .create(
                {
                    "name": "汉阳服饰 SCMS",
                    "partner_id": customer.id,
                    "type": "opportunity",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "MSD|营销"):
            lead.action_set_lost()
        self.assertTrue(lead.active)
        lead.with_user(self.users["msd.manager"]).action_set_lost()
        self.assertFalse(lead.active)
        self.assertEqual(lead.scm_decline_confirmed_by_id, self.users["msd.manager"])


@tagged("post_install", "-at_install")
class TestCustomerConfidentiality(ScmSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wh_customer = cls.new_customer(name="武汉保密服饰")

    def test_sup_conf_01_who_reads_a_customer_file(self):
        """SUP-CONF-01: another branch's consultant cannot read or write a
        Wuhan file; the owner, the branch manager, MSD, audit can read; a
        colleague reads only with a logged grant from the Market Center
        Manager."""
        customer = self.wh_customer
        for login in ("bj.consultant", "bj.manager", "wh.consultant2"):
            with self.assertRaises(AccessError):
                customer.with_user(self.users[login]).read(["name"])
        with self.assertRaises(AccessError):
            customer.with_user(self.users["bj.consultant"]).write({"phone": "1"})
        for login in (
            "wh.consultant",
            "wh.manager",
            "msd.manager",
            "mc.manager",
            "audit.staff",
        ):
            self.assertEqual(
                customer.with_user(self.users[login]).read(["name"])[0]["name"],
                "武汉保密服饰",
            )
        with self.assertRaises(AccessError):
            customer.with_user(self.users["audit.staff"]).write({"phone": "1"})
        with self.assertRaises(UserError):
            self.env["scm.customer.access.grant"].with_user(
                self.users["wh.manager"]
            ).create(
                {
                    "partner_id": customer.id,
                    "user_id": self.users["wh.consultant2"].id,
                    "reason": "协助",
                    "date_end": china_today(),
                }
            )
        self.env["scm.customer.access.grant"].with_user(
            self.users["mc.manager"]
        ).create(
            {
                "partner_id": customer.id,
                "user_id": self.users["wh.consultant2"].id,
                "reason": "协助走访",
                "date_end": china_today() + timedelta(days=30),
            }
        )
        log = self.env["scm.customer.access.log"].search(
            [("partner_id", "=", customer.id), ("event", "=", "grant")]
        )
        self.assertEqual(log.user_id, self.users["wh.consultant2"])
        customer.invalidate_model()
        self.assertTrue(customer.with_user(self.users["wh.consultant2"]).read(["name"]))

    def test_sup_conf_01_contacts_follow_their_file(self):
        """SUP-CONF-01: a contact person of a confidential file is hidden like
        the file, and follows it when the file changes owner; a grant that
        ran out no longer opens the file."""
        customer = self.wh_customer
        contact = (
            self.env["res.partner"]
            .sudo()
            .create({"name": "武汉保密服饰 采购经理", "parent_id": customer.id})
        )
        colleague = self.users["wh.consultant2"]
        with self.assertRaises(AccessError):
            contact.with_user(colleague).read(["name"])
        self.assertTrue(contact.with_user(self.users["wh.consultant"]).read(["name"]))
        customer.sudo().user_id = colleague
        self.env.invalidate_all()
        self.assertTrue(contact.with_user(colleague).read(["name"]))
        with self.assertRaises(AccessError):
            contact.with_user(self.users["wh.consultant"]).read(["name"])
        grant = (
            self.env["scm.customer.access.grant"]
            .with_user(self.users["mc.manager"])
            .create(
                {
                    "partner_id": customer.id,
                    "user_id": self.users["wh.consultant"].id,
                    "reason": "协助走访",
                    "date_end": china_today() + timedelta(days=1),
                }
            )
        )
        self.env.invalidate_all()
        self.assertTrue(contact.with_user(self.users["wh.consultant"]).read(["name"]))
        grant.sudo().date_end = china_today() - timedelta(days=1)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            contact.with_user(self.users["wh.consultant"]).read(["name"])

    def test_sup_conf_01_export_is_logged(self):
        """SUP-CONF-01: exporting customer files writes an access log line."""
        manager = self.users["wh.manager"]
        manager.groups_id += self.env.ref("base.group_allow_export")
        self.wh_customer.with_user(manager).export_data(["name"])
        log = self.env["scm.customer.access.log"].search(
            [("event", "=", "export"), ("user_id", "=", manager.id)]
        )
        self.assertEqual(log.partner_id, self.wh_customer)

    def test_sup_conf_02_archive_sections_and_custodian_prompt(self):
        """SUP-CONF-02: the file keeps licence attachments and credit status;
        a transaction prompts the custodian to update the archive."""
        customer = self.wh_customer
        attachment = self.env["ir.attachment"].create(
            {
                "name": "营业执照.pdf",
                "datas": "JVBERi0=",
                "res_model": "res.partner",
                "res_id": customer.id,
            }
        )
        customer.with_user(self.users["wh.consultant"]).write(
            {
                "scm_licence_attachment_ids": [(6, 0, attachment.ids)],
                "scm_credit_status": "good",
                "scm_custodian_id": self.users["wh.consultant2"].id,
            }
        )
        customer._scm_prompt_archive_update(customer)
        activity = customer.activity_ids.filtered(
            lambda a: (
                a.summary == "Update the customer archive"
                or a.user_id == self.users["wh.consultant2"]
            )
        )
        self.assertEqual(activity.user_id, self.users["wh.consultant2"])
        self.assertTrue(customer.with_user(self.users["wh.consultant2"]).read(["name"]))

    def _list_queries(self, user):
        """Queries to load the customer list view as `user`."""
        view = self.env.ref("scm_sales.view_partner_list_scm_customer")
        views = self.Partner.get_views([(view.id, "list")])
        spec = {name: {} for name in views["models"]["res.partner"]["fields"]}
        for many2one in ("company_id", "user_id", "state_id"):
            spec[many2one] = {"fields": {"display_name": {}}}
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = self.Partner.with_user(user).web_search_read(
            [("scm_is_customer", "=", True)], spec
        )
        return self.env.cr.sql_log_count - before, result["length"]

    def test_customer_list_query_count_is_constant(self):
        """The customer list costs the same queries for few rows or many."""
        user = self.users["msd.manager"]
        self._list_queries(user)
        few, rows_few = self._list_queries(user)
        for index in range(20):
            self.new_customer(self.users["wh.consultant"], name=f"批量客户{index}")
        many, rows_many = self._list_queries(user)
        self.assertEqual(rows_many - rows_few, 20)
        self.assertEqual(few, many)


@tagged("post_install", "-at_install")
class TestCustomerFilePrint(HttpCase):
    """wkhtmltopdf loads the report's assets from the server: an HttpCase
    serves them from the test transaction."""

    def test_customer_files_print_together_as_one_pdf(self):
        """Several customer files print as one Chinese PDF, whichever
        wkhtmltopdf build the server has."""
        Report = self.env["ir.actions.report"]
        if Report.get_wkhtmltopdf_state() != "ok":
            self.skipTest("wkhtmltopdf is not installed")
        customers = self.env.ref("scm_sales.partner_wh_chufeng") | self.env.ref(
            "scm_sales.partner_bj_jinghua"
        )
        content, kind = Report.with_context(
            force_report_rendering=True, lang="zh_CN"
        )._render_qweb_pdf("scm_sales.action_report_scm_customer_file", customers.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
        self.assertGreaterEqual(PdfFileReader(io.BytesIO(content)).getNumPages(), 2)
