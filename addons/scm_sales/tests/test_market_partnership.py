from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ScmSalesCase


class MarketCase(ScmSalesCase):
    """Business cooperation and competitor fixtures: the HQ roles scm_base's
    demo has no user for, and helpers to approve or reject as a reviewer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        hq_companies = cls.env["res.company"].search([])

        def make_user(login, groups):
            return (
                cls.env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    {
                        "name": login,
                        "login": login,
                        "email": f"{login}@scms.example.com",
                        "company_id": cls.hq.id,
                        "company_ids": [Command.set(hq_companies.ids)],
                        "groups_id": [
                            Command.set(
                                [ref("base.group_user").id]
                                + [ref(g).id for g in groups]
                            )
                        ],
                    }
                )
            )

        cls.leader = make_user("t.leader", ["scm_base.group_leader_in_charge"])
        cls.secretary = make_user("t.secretary", ["scm_base.group_office_meeting"])
        cls.channel = cls.users["msd.channel"]
        cls.mc = cls.users["mc.manager"]
        cls.msd = cls.users["msd.manager"]
        cls.auditor = cls.users["audit.staff"]
        cls.Plan = cls.env["scm.partnership.plan"]

    def new_strategy(self, approved=True):
        strategy = self.Plan.with_user(self.mc).create(
            {"name": "产品市场战略", "plan_type": "market_strategy"}
        )
        if approved:
            self.resolve(strategy)
            strategy._scm_demo_approve()
        return strategy

    def resolve(self, document, outcome="approved"):
        return (
            self.env["scm.office.resolution"]
            .with_user(self.secretary)
            .create(
                {
                    "name": "办公会决议",
                    "outcome": outcome,
                    "res_model": document._name,
                    "res_id": document.id,
                }
            )
        )

    def new_launch_plan(self, strategy=None, approved=True):
        plan = self.Plan.with_user(self.channel).create(
            {
                "name": "上市方案",
                "plan_type": "launch_plan",
                "strategy_id": (strategy or self.new_strategy()).id,
            }
        )
        if approved:
            plan._scm_demo_approve()
        return plan

    def new_partner(self, name="合作伙伴有限公司"):
        return self.env["res.partner"].create({"name": name, "is_company": True})

    def new_guideline(self, launch=None, partners=None, approved=True):
        partners = partners or self.new_partner()
        plan = self.Plan.with_user(self.channel).create(
            {
                "name": "合作伙伴指导方针及名单",
                "plan_type": "partner_guideline",
                "launch_plan_id": (launch or self.new_launch_plan()).id,
                "partner_line_ids": [
                    Command.create(
                        {
                            "partner_id": partner.id,
                            "position": "core",
                            "cooperation_level": "solution",
                            "guideline": "联合解决方案",
                        }
                    )
                    for partner in partners
                ],
            }
        )
        if approved:
            plan._scm_demo_approve()
        return plan

    def new_contact(self, line, intent=True, channel="direct"):
        return (
            self.env["scm.partnership.contact"]
            .with_user(self.channel)
            .create(
                {
                    "partner_line_id": line.id,
                    "channel": channel,
                    "summary": "洽谈合作",
                    "intent_reached": intent,
                }
            )
        )


@tagged("post_install", "-at_install")
class TestMarketPartnership(MarketCase):
    def test_sal_part_01_only_channel_specialist_creates(self):
        """SAL-PART-01: only Channel Market Specialists create partnership
        records; the MSD Manager reads them; others are refused."""
        strategy = self.new_strategy()
        values = {
            "name": "上市方案",
            "plan_type": "launch_plan",
            "strategy_id": strategy.id,
        }
        plan = self.Plan.with_user(self.channel).create(values)
        self.assertEqual(plan.author_id, self.channel)
        self.assertEqual(
            self.Plan.with_user(self.msd).search([("id", "=", plan.id)]), plan
        )
        before = self.Plan.search_count([])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.Plan.with_user(self.msd).create(values)
        with self.assertRaises(UserError):
            self.Plan.with_user(self.mc).create(values)
        for login in ("wh.consultant", "audit.staff"):
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                self.Plan.with_user(self.users[login]).create(values)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            plan.with_user(self.auditor).write({"name": "改"})
        self.assertEqual(self.Plan.search_count([]), before)
        # Branch staff do not see HQ's cooperation documents.
        self.assertFalse(
            self.Plan.with_user(self.users["wh.consultant"]).search(
                [("id", "=", plan.id)]
            )
        )

    def test_sal_part_02_strategy_approved_only_with_resolution(self):
        """SAL-PART-02: the Market Center Manager organises the strategy; the
        Office Meeting approves it only with a resolution attached; a
        rejection returns it to draft."""
        with self.assertRaises(UserError):
            self.Plan.with_user(self.channel).create(
                {"name": "战略", "plan_type": "market_strategy"}
            )
        strategy = self.new_strategy(approved=False)
        strategy.with_user(self.mc).action_scm_submit()
        self.assertEqual(strategy.state, "to_approve")
        review = strategy.review_ids
        self.assertIn(self.secretary, review.reviewer_ids)
        self.assertFalse(
            review.reviewer_ids - self.env.ref("scm_base.group_office_meeting").users
        )
        with self.assertRaises(UserError):
            strategy.with_user(self.secretary)._validate_tier()
        self.assertEqual(strategy.state, "to_approve")
        self.assertEqual(review.status, "pending", "a refused approval changes nothing")
        # Rejection path: back to the Market Center Manager in draft.
        self.reject(strategy, self.secretary, "需补充市场数据")
        self.assertEqual(strategy.state, "draft")
        strategy.with_user(self.mc).write({"summary": "补充了市场数据"})
        strategy.with_user(self.mc).action_scm_submit()
        action = strategy.with_user(self.secretary).action_scm_record_resolution()
        self.assertEqual(action["context"]["default_res_id"], strategy.id)
        self.resolve(strategy, outcome="rejected")
        with self.assertRaises(UserError):
            strategy.with_user(self.secretary)._validate_tier()
        resolution = self.resolve(strategy)
        self.approve(strategy, self.secretary)
        self.assertEqual(strategy.state, "approved")
        self.assertIn(strategy.resolution_id.outcome, ("approved", "rejected"))
        self.assertEqual(
            self.env["scm.office.resolution"]._scm_approving(strategy), resolution
        )
        with self.assertRaises(UserError):
            strategy.with_user(self.mc).write({"name": "改名"})

    def test_sal_part_03_launch_plan_needs_approved_strategy(self):
        """SAL-PART-03: a launch plan needs an approved strategy; the Market
        Center Manager approves it; a rejection returns it to the specialist."""
        draft_strategy = self.new_strategy(approved=False)
        before = self.Plan.search_count([("plan_type", "=", "launch_plan")])
        for strategy_id in (False, draft_strategy.id):
            with self.assertRaises(ValidationError):
                self.Plan.with_user(self.channel).create(
                    {
                        "name": "上市方案",
                        "plan_type": "launch_plan",
                        "strategy_id": strategy_id,
                    }
                )
        self.assertEqual(
            self.Plan.search_count([("plan_type", "=", "launch_plan")]), before
        )
        plan = self.new_launch_plan(approved=False)
        plan.with_user(self.channel).action_scm_submit()
        self.assertEqual(plan.review_ids.reviewer_ids, self.mc)
        self.assertFalse(plan.with_user(self.msd).can_review)
        self.reject(plan, self.mc, "渠道分析不足")
        self.assertEqual(plan.state, "draft")
        activity = plan.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("scm_base.mail_activity_type_scm_revision")
            )
        )
        self.assertEqual(activity.user_id, self.channel, "back to the specialist")
        plan.with_user(self.channel).write({"summary": "补充渠道分析"})
        plan.with_user(self.channel).action_scm_submit()
        self.approve(plan, self.mc)
        self.assertEqual(plan.state, "approved")
        with self.assertRaises(UserError):
            plan.with_user(self.channel).write({"summary": "再改"})
        with self.assertRaises(UserError):
            plan.with_user(self.channel).unlink()

    def test_sal_part_04_chain_only_under_approved_launch_plan(self):
        """SAL-PART-04: relationship-chain records only under an approved
        launch plan, analysed by the Channel Market Specialist."""
        Chain = self.env["scm.partnership.chain"]
        draft = self.new_launch_plan(approved=False)
        values = {
            "launch_plan_id": draft.id,
            "name": "RFID硬件",
            "leading_companies": "云标科技",
            "architecture_simulation": "POS接入读写器",
        }
        with self.assertRaises(ValidationError):
            Chain.with_user(self.channel).create(values)
        approved = self.new_launch_plan(strategy=draft.strategy_id)
        values["launch_plan_id"] = approved.id
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Chain.with_user(self.msd).create(values)
        chain = Chain.with_user(self.channel).create(values)
        self.assertEqual(approved.chain_ids, chain)
        self.assertEqual(chain.analyst_id, self.channel)
        self.assertEqual(
            Chain.with_user(self.msd).search([("id", "=", chain.id)]), chain
        )

    def test_sal_part_05_partner_lines_need_position_and_guideline(self):
        """SAL-PART-05: partner-list lines need a position and a guideline;
        the list is approved by the Market Center Manager and then fixed."""
        launch = self.new_launch_plan()
        partner = self.new_partner()
        with self.assertRaises(ValidationError):
            self.Plan.with_user(self.channel).create(
                {"name": "名单", "plan_type": "partner_guideline"}
            )
        plan = self.new_guideline(launch=launch, partners=partner, approved=False)
        Line = self.env["scm.partnership.partner.line"]
        other = self.new_partner("另一家公司")
        for missing in ("position", "guideline"):
            values = {
                "plan_id": plan.id,
                "partner_id": other.id,
                "position": "key",
                "guideline": "项目合作",
            }
            values[missing] = False
            with self.assertRaises(UserError):
                Line.with_user(self.channel).create(values)
        self.assertEqual(len(plan.partner_line_ids), 1, "nothing half-written")
        with self.assertRaises(UserError):
            plan.partner_line_ids.with_user(self.channel).write({"guideline": " "})
        empty = self.Plan.with_user(self.channel).create(
            {
                "name": "空名单",
                "plan_type": "partner_guideline",
                "launch_plan_id": launch.id,
            }
        )
        with self.assertRaises(UserError):
            empty.with_user(self.channel).action_scm_submit()
        plan.with_user(self.channel).action_scm_submit()
        self.assertEqual(plan.review_ids.reviewer_ids, self.mc)
        self.approve(plan, self.mc)
        self.assertEqual(plan.state, "approved")
        with self.assertRaises(UserError):
            plan.partner_line_ids.with_user(self.channel).write({"guideline": "改"})
        with self.assertRaises(UserError):
            Line.with_user(self.channel).create(
                {
                    "plan_id": plan.id,
                    "partner_id": other.id,
                    "position": "key",
                    "guideline": "项目合作",
                }
            )

    def test_sal_part_06_contact_log_for_listed_partners(self):
        """SAL-PART-06: contacts with direct / event / third-party channel,
        only for partners of an approved list, reported to and visible to the
        MSD Manager."""
        Contact = self.env["scm.partnership.contact"]
        self.assertEqual(
            [key for key, _label in Contact._fields["channel"].selection],
            ["direct", "event", "third_party"],
        )
        draft = self.new_guideline(approved=False)
        with self.assertRaises(ValidationError):
            self.new_contact(draft.partner_line_ids)
        plan = self.new_guideline()
        line = plan.partner_line_ids
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Contact.with_user(self.msd).create(
                {"partner_line_id": line.id, "channel": "direct", "summary": "x"}
            )
        contact = self.new_contact(line, intent=False, channel="third_party")
        self.assertEqual(contact.reported_to_id, self.msd)
        notice = self.env["scm.notice"]._scm_sent(contact)
        self.assertEqual(notice.recipient_ids, self.msd.partner_id)
        visible = Contact.with_user(self.msd).search(
            [("partner_id", "=", line.partner_id.id)]
        )
        self.assertEqual(visible, contact)
        self.assertEqual(visible.channel, "third_party")
        self.assertFalse(line.intent_reached)
        self.new_contact(line, intent=True)
        self.assertTrue(line.intent_reached)

    def test_sal_part_07_agreement_listed_partner_signed_by_leader(self):
        """SAL-PART-07: the agreement needs a partner from an approved list
        (with cooperation intent) and the signature of a Company Leader in
        Charge; once signed it is fixed."""
        Agreement = self.env["scm.partnership.agreement"]
        draft = self.new_guideline(approved=False)
        values = {
            "title": "商务合作协议",
            "partner_line_id": draft.partner_line_ids.id,
            "content": "<p>合作条款</p>",
        }
        with self.assertRaises(ValidationError):
            Agreement.with_user(self.channel).create(values)
        line = self.new_guideline().partner_line_ids
        values["partner_line_id"] = line.id
        with self.assertRaises(ValidationError):
            Agreement.with_user(self.channel).create(values)
        self.new_contact(line)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Agreement.with_user(self.msd).create(values)
        with self.assertRaises(ValidationError):
            Agreement.with_user(self.channel).create(
                dict(values, date_start="2026-12-01", date_end="2026-11-01")
            )
        agreement = Agreement.with_user(self.channel).create(values)
        self.assertTrue(agreement.name.startswith("SWHZ-"))
        self.assertEqual(agreement.partner_id, line.partner_id)
        # Unsigned: no final print, the attempt is logged for the Audit Dept.
        result = agreement.with_user(self.channel).action_scm_print_final()
        self.assertEqual(result["tag"], "display_notification")
        for user in (self.msd, self.mc, self.channel, self.users["president"]):
            with self.assertRaises(UserError):
                agreement.with_user(user).action_sign()
        self.assertEqual(agreement.state, "draft")
        agreement.with_user(self.leader).action_sign()
        self.assertEqual(agreement.state, "signed")
        self.assertEqual(agreement.signed_by_id, self.leader)
        self.assertTrue(agreement.signed_at)
        with self.assertRaises(UserError):
            agreement.with_user(self.channel).write({"title": "改"})
        with self.assertRaises(UserError):
            agreement.with_user(self.channel).unlink()
        with self.assertRaises(UserError):
            agreement.with_user(self.channel).action_cancel()

    def test_sal_part_reports_render(self):
        """Forms 24-27 print (plans with approval opinions, agreement with
        the signature)."""
        plan = self.new_guideline()
        line = plan.partner_line_ids
        self.new_contact(line)
        agreement = (
            self.env["scm.partnership.agreement"]
            .with_user(self.channel)
            .create(
                {"title": "协议", "partner_line_id": line.id, "content": "<p>条款</p>"}
            )
        )
        agreement.with_user(self.leader).action_sign()
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html(
            "scm_sales.report_scm_partnership_plan",
            (plan | plan.launch_plan_id | plan.launch_plan_id.strategy_id).ids,
        )[0].decode()
        self.assertIn(plan.name, html)
        self.assertIn(self.mc.name, html, "the approver is printed")
        html = Report._render_qweb_html(
            "scm_sales.report_scm_partnership_agreement", agreement.ids
        )[0].decode()
        self.assertIn(self.leader.name, html)
