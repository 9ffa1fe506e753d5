"""The marketing documents attacked as a client would: through the ORM as a
demo user, with the company selection the web client gives after login and
with the context keys that once switched a guard off."""

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.attacks import client_env
from odoo.addons.scm_base.tests.common import china_today

from .common import ScmSalesCase


@tagged("post_install", "-at_install", "scm_security")
class TestSalesSecurityAttacks(ScmSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.chufeng = ref("scm_sales.partner_wh_chufeng")
        cls.jinghua = ref("scm_sales.partner_bj_jinghua")
        cls.lead_jinghua = ref("scm_sales.lead_bj_jinghua")
        cls.visit = ref("scm_sales.visit_wh_chufeng")
        cls.proposal = ref("scm_sales.proposal_wh_chufeng")
        cls.intake = ref("scm_sales.brand_intake_wh_chufeng")
        cls.bj_plan = ref("scm_sales.demo_plan_2027_beijing")

    def client(self, record, login, **context):
        """`record` as `login`'s browser sends it: own company active, plus
        every forged key."""
        user = self.users[login]
        return record.with_env(client_env(self.env, user, **context))

    def assert_step_refused(self, record, login, values):
        """Every value is refused on its own, and nothing changes."""
        for name, value in values.items():
            with self.subTest(model=record._name, field=name, login=login):
                before = record[name]
                with self.assertRaises(UserError):
                    self.client(record, login).write({name: value})
                record.invalidate_recordset([name])
                self.assertEqual(record[name], before)

    def new_minutes(self, **vals):
        values = {
            "company_id": self.wuhan.id,
            "user_id": self.users["wh.consultant"].id,
            "partner_id": self.chufeng.id,
            "meeting_date": fields.Datetime.now(),
            "content": "双方确认实施范围",
        }
        values.update(vals)
        return self.env["scm.meeting.minutes"].create(values)

    # -- protected fields ----------------------------------------------------------
    def test_org_rule_11_decision_fields_refused_whatever_the_context(self):
        """ORG-RULE-11, SAL-PROP-10, SAL-VISIT-04, SAL-CUST-02: the branch's own
        users cannot write stage, state, signatures, numbers or issue dates
        of their documents, whatever context they send."""
        now = fields.Datetime.now()
        manager = self.users["wh.manager"]
        self.assert_step_refused(
            self.proposal,
            "wh.manager",
            {
                "stage": "approved",
                "state": "approved",
                "approved_date": now,
                "name": "EMT-FORGED",
                "scm_approval_version": 9,
            },
        )
        self.assert_step_refused(
            self.visit,
            "wh.manager",
            {
                "visit_stage": "approved",
                "acknowledged_by_id": manager.id,
                "acknowledged_date": now,
                "name": "ZF-FORGED",
            },
        )
        minutes = self.new_minutes()
        self.assert_step_refused(
            minutes,
            "wh.manager",
            {
                "minutes_stage": "confirmed",
                "reviewed_by_id": manager.id,
                "receipt_confirmed_by_id": manager.id,
                "receipt_date": now,
            },
        )
        self.assert_step_refused(
            self.chufeng,
            "wh.manager",
            {"scm_file_state": "archived", "scm_grade": "A", "scm_entry_date": now},
        )
        self.assert_step_refused(
            self.intake,
            "wh.consultant",
            {"stage": "confirmed", "decided_by_id": manager.id, "decided_date": now},
        )
        self.assert_step_refused(
            self.bj_plan,
            "bj.manager",
            {"state": "approved", "stage": "approved", "final_date": now},
        )

    def test_org_rule_11_step_fields_refused_at_creation(self):
        """ORG-RULE-11: a new document cannot start in a later stage or with a
        number of the client's choosing."""
        consultant = "wh.consultant"
        Minutes = self.client(self.env["scm.meeting.minutes"], consultant)
        with self.assertRaises(UserError):
            Minutes.create(
                {
                    "partner_id": self.chufeng.id,
                    "meeting_date": fields.Datetime.now(),
                    "minutes_stage": "confirmed",
                }
            )
        with self.assertRaises(UserError):
            Minutes.create(
                {
                    "partner_id": self.chufeng.id,
                    "meeting_date": fields.Datetime.now(),
                    "name": "HY-FORGED",
                }
            )
        minutes = Minutes.create(
            {"partner_id": self.chufeng.id, "meeting_date": fields.Datetime.now()}
        )
        self.assertNotEqual(minutes.name, "/", "the system numbers the minutes")
        self.assertEqual(minutes.minutes_stage, "draft")
        # SUP-CONT-01: the first recorder and date of a customer file are the
        # creator and now, whatever the client says.
        customer = self.client(self.Partner, consultant).create(
            self.customer_values(
                name="武汉回溯服饰",
                scm_first_recorder_id=self.users["wh.consultant2"].id,
                scm_first_recorded_date="2020-01-01 00:00:00",
            )
        )
        self.assertEqual(customer.scm_first_recorder_id, self.users[consultant])
        self.assertEqual(customer.scm_first_recorded_date.year, china_today().year)
        with self.assertRaises(UserError):
            self.client(self.Partner, consultant).create(
                self.customer_values(name="武汉归档服饰", scm_file_state="archived")
            )

    # -- cross-branch links and moves ---------------------------------------------
    def test_org_role_cross_branch_links_refused(self):
        """ORG-ROLE-12, SAL-TERR-01: a Wuhan user cannot file minutes, contact
        logs or support requests for Beijing's customer, nor point Wuhan's
        proposal at Beijing's opportunity."""
        Minutes = self.client(self.env["scm.meeting.minutes"], "wh.consultant")
        with self.assertRaises(AccessError):
            Minutes.create(
                {"partner_id": self.jinghua.id, "meeting_date": fields.Datetime.now()}
            )
        Contact = self.client(self.env["scm.customer.contact"], "wh.consultant")
        with self.assertRaises(AccessError):
            Contact.create(
                {
                    "partner_id": self.jinghua.id,
                    "contact_type": "phone",
                    "channel": "phone_confirm",
                    "summary": "致电",
                }
            )
        Request = self.client(self.env["scm.sales.support.request"], "wh.manager")
        with self.assertRaises(AccessError):
            Request.create({"partner_id": self.jinghua.id, "reason": "需要售前支持"})
        with self.assertRaises(AccessError):
            self.client(self.proposal, "wh.manager").write(
                {"lead_id": self.lead_jinghua.id}
            )
        self.assertNotEqual(self.proposal.lead_id, self.lead_jinghua)
        self.assertFalse(
            self.env["scm.meeting.minutes"].search(
                [
                    ("partner_id", "=", self.jinghua.id),
                    ("company_id", "=", self.wuhan.id),
                ]
            )
        )

    def test_org_role_27_no_branch_move_by_edit(self):
        """ORG-ROLE-27, SAL-TERR-04: writing company_id does not move a Wuhan
        document or customer file to Beijing, not even for HQ marketing, whose
        dispatch goes through the reassignment wizard."""
        minutes = self.new_minutes()
        for record, login in (
            (self.visit, "wh.manager"),
            (minutes, "wh.manager"),
            (self.intake, "wh.consultant"),
            (self.chufeng, "msd.manager"),
        ):
            with self.subTest(model=record._name, login=login):
                with self.assertRaises(UserError):
                    self.client(record, login).write({"company_id": self.beijing.id})
                record.invalidate_recordset(["company_id"])
                self.assertEqual(record.company_id, self.wuhan)

    # -- recipients ----------------------------------------------------------------
    def test_org_rule_08_receipt_confirmed_by_the_branch_not_by_hq(self):
        """ORG-RULE-08, SAL-VISIT-06: the receipt of Wuhan's minutes is
        confirmed by their author or Wuhan's manager; HQ users who hold Wuhan in
        their company switcher (audit, MSD) are not its recipients."""
        minutes = self.new_minutes()
        minutes._scm_set_stage("sent")
        for login in ("audit.staff", "msd.manager", "bj.manager"):
            with self.subTest(login=login):
                with self.assertRaises(UserError):
                    self.client(minutes, login).action_confirm_receipt()
                self.assertEqual(minutes.minutes_stage, "sent")
        self.client(minutes, "wh.manager").action_confirm_receipt()
        self.assertEqual(minutes.minutes_stage, "confirmed")
        self.assertEqual(minutes.receipt_confirmed_by_id, self.users["wh.manager"])

    def test_org_rule_08_branch_staff_are_the_branch_people(self):
        """ORG-RULE-08, SAL-PROP-01, SAL-TERR-02: an HQ user holding the branch
        in the switcher does not submit the branch's territory request, and
        is not a consultant who writes the branch's proposal."""
        request = self.env.ref("scm_sales.area_request_wh_hunan")
        self.assertEqual(request.company_id, self.wuhan)
        with self.assertRaises(UserError):
            request.with_user(self.users["msd.manager"])._scm_approval_check_submit()
        request.with_user(self.users["wh.manager"])._scm_approval_check_submit()

    def test_sal_cust_04_new_owner_works_in_the_branch(self):
        """SAL-CUST-04, ORG-RULE-08: a customer is handed to a person of its
        branch; an HQ user who holds the branch in the switcher, or another
        branch's consultant, is refused."""
        customer = self.new_customer(name="武汉易主服饰")
        Wizard = self.client(self.env["scm.customer.reassign"], "wh.manager")
        for login in ("audit.staff", "bj.consultant"):
            with self.subTest(login=login):
                with self.assertRaises(UserError):
                    Wizard.create(
                        {
                            "partner_ids": [(6, 0, customer.ids)],
                            "reason_type": "conflict",
                            "user_id": self.users[login].id,
                            "reason": "归属争议已裁定",
                        }
                    ).action_apply()
                self.assertEqual(customer.user_id, self.users["wh.consultant"])
        Wizard.create(
            {
                "partner_ids": [(6, 0, customer.ids)],
                "reason_type": "conflict",
                "user_id": self.users["wh.consultant2"].id,
                "reason": "归属争议已裁定",
            }
        ).action_apply()
        self.assertEqual(customer.user_id, self.users["wh.consultant2"])

    # -- forged reviews ------------------------------------------------------------
    def test_org_rule_13_review_of_the_branch_plan_cannot_be_forged(self):
        """ORG-RULE-13, SAL-PLAN-02: bj.manager cannot write the MSD Manager's
        review of Beijing's sales plan, create an approved one, approve it
        through validate_tier or action_scm_decide, nor write the plan
        approved; audit cannot delete the reviews."""
        plan = self.bj_plan
        self.assertEqual(plan.state, "to_approve")
        reviews = plan.review_ids
        self.assertTrue(reviews)
        attacker = self.client(plan, "bj.manager")
        with self.assertRaises(AccessError):
            self.client(reviews, "bj.manager").write({"status": "approved"})
        with self.assertRaises(AccessError):
            self.client(self.env["tier.review"], "bj.manager").create(
                {
                    "model": plan._name,
                    "res_id": plan.id,
                    "definition_id": reviews[:1].definition_id.id,
                    "status": "approved",
                }
            )
        with self.assertRaises(UserError):
            attacker.validate_tier()
        with self.assertRaises(UserError):
            attacker.action_scm_decide("approve", "同意")
        with self.assertRaises(UserError):
            attacker.write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.client(reviews, "audit.staff").unlink()
        plan.invalidate_recordset()
        self.assertEqual(plan.state, "to_approve")
        self.assertFalse(reviews.exists().filtered(lambda r: r.status == "approved"))

    def test_sal_prop_04_only_panel_members_give_opinions(self):
        """SAL-PROP-04: Beijing's proposal waits for its panel; the branch
        manager and the auditor cannot give an opinion line for it."""
        proposal = self.env.ref("scm_sales.proposal_bj_jinghua")
        self.assertEqual(proposal.state, "to_approve")
        for login in ("bj.manager", "audit.staff"):
            with self.subTest(login=login):
                with self.assertRaises(UserError):
                    self.client(proposal, login).action_scm_give_opinion(
                        "approve", "同意"
                    )
        self.assertEqual(proposal.state, "to_approve")

    # -- record rules --------------------------------------------------------------
    def test_org_role_12_promotion_plans_and_activities(self):
        """ORG-ROLE-12, SAL-PLAN-05: the draft promotion plan stays at HQ;
        once approved a branch reads it and the activities for itself or for
        every branch, not those of another branch."""
        Promotion = self.env["scm.sales.promotion.plan"]
        plan = Promotion.create(
            {"plan_year": 2031, "user_id": self.users["msd.presales"].id}
        )
        wuhan_only, everyone = self.env["scm.sales.promotion.activity"].create(
            [
                {
                    "plan_id": plan.id,
                    "name": "武汉路演",
                    "branch_ids": [(6, 0, self.wuhan.ids)],
                    "date_start": "2031-03-01",
                    "date_end": "2031-03-02",
                },
                {
                    "plan_id": plan.id,
                    "name": "全国展会",
                    "date_start": "2031-04-01",
                    "date_end": "2031-04-03",
                },
            ]
        )
        bj = self.client(Promotion, "bj.manager")
        self.assertFalse(bj.search([("id", "=", plan.id)]), "a draft stays at HQ")
        with self.assertRaises(AccessError):
            self.client(plan, "bj.manager").read(["name"])
        # Approved as the review leaves its stage (the fixture, not the attack).
        plan.write({"stage": "approved"})
        self.assertTrue(bj.search([("id", "=", plan.id)]))
        Activity = self.client(self.env["scm.sales.promotion.activity"], "bj.manager")
        self.assertEqual(Activity.search([("plan_id", "=", plan.id)]).ids, everyone.ids)
        with self.assertRaises(AccessError):
            self.client(wuhan_only, "bj.manager").read(["name"])
        self.assertEqual(
            self.client(self.env["scm.sales.promotion.activity"], "wh.manager")
            .search([("plan_id", "=", plan.id)])
            .ids,
            (wuhan_only | everyone).ids,
        )

    def test_org_role_12_plan_confirmations_of_own_branch(self):
        """ORG-ROLE-12, SAL-PLAN-01: a branch sees its own confirmation of the
        HQ preliminary plan, not the other branches'."""
        confirmations = self.env["scm.sales.plan.confirmation"].search([])
        self.assertGreater(len(confirmations.company_id), 1)
        seen = self.client(self.env["scm.sales.plan.confirmation"], "bj.manager")
        self.assertEqual(
            seen.search([]).ids,
            confirmations.filtered(lambda c: c.company_id == self.beijing).ids,
        )
        other = confirmations.filtered(lambda c: c.company_id == self.wuhan)[:1]
        with self.assertRaises(AccessError):
            self.client(other, "bj.manager").read(["state"])
        with self.assertRaises(UserError):
            self.client(other, "wh.manager").write({"state": "confirmed"})

    def test_org_role_12_draft_samples_and_open_decisions_stay_at_hq(self):
        """ORG-ROLE-12, SAL-BRAND-01, SAL-COMP-02: a branch reads released
        sample chapters and the working group's applied decisions, not drafts
        or what is still on a meeting's agenda."""
        sample = (
            self.env["scm.brand.sample"]
            .with_user(self.users["brand.manager"])
            .create({"name": "2032春夏趋势", "season": "ss", "season_year": 2032})
        )
        released = self.env["scm.brand.sample"].search(
            [("state", "=", "released")], limit=1
        )
        Sample = self.client(self.env["scm.brand.sample"], "wh.consultant")
        self.assertFalse(Sample.search([("id", "=", sample.id)]))
        self.assertTrue(released)
        self.assertTrue(Sample.search([("id", "=", released.id)]))
        meeting = self.env["scm.competitor.meeting"].create(
            {"name": "竞争对手范围复议", "start": fields.Datetime.now()}
        )
        pending = self.env["scm.competitor.decision"].create(
            {
                "meeting_id": meeting.id,
                "competitor_id": self.env.ref("scm_sales.competitor_boyi").id,
                "in_scope": False,
            }
        )
        applied = self.env.ref("scm_sales.competitor_decision_scope_boyi")
        self.assertTrue(applied.applied)
        Decision = self.client(self.env["scm.competitor.decision"], "wh.consultant")
        self.assertFalse(Decision.search([("id", "=", pending.id)]))
        self.assertTrue(Decision.search([("id", "=", applied.id)]))
        with self.assertRaises(UserError):
            self.client(pending, "msd.manager").write({"applied": True})

    # -- bad input -----------------------------------------------------------------
    def test_bad_input_gets_a_clear_message_and_writes_nothing(self):
        """Values the ORM has not converted yet reach our checks as a client
        sent them: each gets a ValidationError, and nothing is written."""
        cases = [
            ("scm.sales.area.report", "wh.manager", {"request_id": "abc"}),
            (
                "scm.meeting.minutes",
                "wh.consultant",
                {"visit_id": "abc", "meeting_date": fields.Datetime.now()},
            ),
            ("scm.sales.plan.line", "msd.manager", {"plan_id": "abc"}),
            ("scm.sales.plan.target", "bj.manager", {"plan_id": "abc"}),
            (
                "scm.sales.promotion.activity",
                "msd.presales",
                {"plan_id": "abc", "name": "x"},
            ),
            (
                "res.partner",
                "wh.consultant",
                self.customer_values(state_id="湖北"),
            ),
            (
                "scm.sales.support.request",
                "wh.manager",
                {"company_id": "abc", "partner_id": self.chufeng.id},
            ),
            ("scm.competitor", "msd.manager", {"name": "长" * 100_000}),
        ]
        for model, login, values in cases:
            with self.subTest(model=model):
                Model = self.client(self.env[model], login)
                count = self.env[model].search_count([])
                with self.assertRaises(ValidationError):
                    Model.create(values)
                self.assertEqual(self.env[model].search_count([]), count)
