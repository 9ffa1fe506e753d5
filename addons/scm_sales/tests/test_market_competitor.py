from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .test_market_partnership import MarketCase


@tagged("post_install", "-at_install")
class TestMarketCompetitor(MarketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group = cls.env.ref("scm_sales.working_group_competitor_analysis")
        cls.Meeting = cls.env["scm.competitor.meeting"]
        cls.Competitor = cls.env["scm.competitor"]
        cls.Intel = cls.env["scm.competitor.intel"]
        cls.Report = cls.env["scm.competitor.report"]
        cls.sw = cls.users["sw.manager"]

    def new_meeting(self, meeting_type="work", **vals):
        return self.Meeting.with_user(self.msd).create(
            {
                "name": "竞争对手分析会议",
                "meeting_type": meeting_type,
                "start": datetime(2026, 12, 1, 2, 0),
                **vals,
            }
        )

    def new_competitor(self, name="某软件公司"):
        return self.Competitor.with_user(self.msd).create({"name": name})

    def decide(self, competitor, meeting_type="work", **decision):
        meeting = self.new_meeting(meeting_type)
        self.env["scm.competitor.decision"].with_user(self.msd).create(
            {"meeting_id": meeting.id, "competitor_id": competitor.id, **decision}
        )
        meeting.with_user(self.msd).action_invite()
        meeting.with_user(self.msd).action_done()
        return meeting

    def in_scope_competitor(self, name="某软件公司"):
        competitor = self.new_competitor(name)
        self.decide(competitor, decision_type="scope", in_scope=True)
        return competitor

    def test_sal_comp_01_group_seeded_with_listed_members(self):
        """SAL-COMP-01: the working group holds the President, the managers of
        the Market/Customer/Supervision Center departments, of Software, QC
        and Finance, and every branch manager; the MSD Manager convenes it;
        the Product Market Specialist is no member."""
        self.assertEqual(self.group.group_type, "competitor")
        self.assertEqual(self.group.leader_id, self.msd)
        members = self.group.member_ids.mapped("employee_id.user_id")
        expected = (
            self.users["president"]
            | self.msd
            | self.users["mcd.manager"]
            | self.env.ref("scm_base.user_mrd_manager")
            | self.sw
            | self.users["qc.manager"]
        )
        branches = self.env["res.company"].search([("parent_id", "!=", False)])
        expected |= branches.mapped("scm_manager_id")
        self.assertLessEqual(expected, members)
        self.assertIn(self.users["wh.manager"], members)
        self.assertNotIn(
            self.channel, members, "the specialist attends without membership"
        )
        self.assertNotIn(self.users["wh.consultant"], members)
        # Syncing again adds nobody twice.
        count = len(self.group.member_ids)
        self.group._scm_sync_competitor_members()
        self.assertEqual(len(self.group.member_ids), count)

    def test_sal_comp_01_only_msd_manager_invites(self):
        """SAL-COMP-01: only the MSD Manager creates meetings and sends the
        invitations; a Product Market Specialist may attend without
        membership."""
        values = {
            "name": "工作会议",
            "start": datetime(2026, 12, 1, 2, 0),
            "meeting_type": "work",
        }
        for login in ("mc.manager", "president", "msd.channel", "wh.manager"):
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                self.Meeting.with_user(self.users[login]).create(values)
        meeting = self.Meeting.with_user(self.msd).create(
            dict(values, observer_ids=[Command.set(self.channel.ids)])
        )
        self.assertEqual(meeting.group_id, self.group)
        self.assertEqual(meeting.member_user_ids, self.group._scm_member_users())
        with self.assertRaises(UserError):
            meeting.with_user(self.mc).action_invite()
        meeting.with_user(self.msd).action_invite()
        self.assertEqual(meeting.state, "invited")
        attendees = meeting.calendar_event_id.partner_ids
        self.assertIn(self.channel.partner_id, attendees)
        self.assertIn(self.users["president"].partner_id, attendees)
        with self.assertRaises(UserError):
            meeting.with_user(self.msd).action_invite()
        # Attendees without membership are Product Market Specialists only.
        with self.assertRaises(ValidationError):
            self.Meeting.with_user(self.msd).create(
                dict(
                    values, observer_ids=[Command.set(self.users["wh.consultant"].ids)]
                )
            )
        with self.assertRaises(ValidationError):
            self.Meeting.with_user(self.msd).create(
                dict(values, observer_ids=[Command.set(self.sw.ids)])
            )

    def test_sal_comp_02_scope_set_by_group_decision(self):
        """SAL-COMP-02: the in-scope flag comes from a decision of the working
        group, never typed in."""
        with self.assertRaises(UserError):
            self.Competitor.with_user(self.msd).create(
                {"name": "甲公司", "in_scope": True}
            )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.Competitor.with_user(self.users["wh.manager"]).create({"name": "乙"})
        competitor = self.new_competitor()
        with self.assertRaises(UserError):
            competitor.with_user(self.msd).write({"in_scope": True})
        meeting = self.new_meeting()
        Decision = self.env["scm.competitor.decision"]
        values = {
            "meeting_id": meeting.id,
            "competitor_id": competitor.id,
            "decision_type": "scope",
            "in_scope": True,
        }
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Decision.with_user(self.mc).create(values)
        decision = Decision.with_user(self.msd).create(values)
        self.assertFalse(competitor.in_scope, "decided only once the meeting is held")
        meeting.with_user(self.msd).action_invite()
        meeting.with_user(self.msd).action_done()
        self.assertTrue(competitor.in_scope)
        self.assertEqual(competitor.scope_decision_id, decision)
        with self.assertRaises(UserError):
            decision.with_user(self.msd).write({"in_scope": False})
        with self.assertRaises(UserError):
            meeting.with_user(self.msd).action_done()
        # A later decision takes the competitor out of scope again.
        self.decide(competitor, decision_type="scope", in_scope=False)
        self.assertFalse(competitor.in_scope)

    def test_sal_comp_03_forward_and_reverse_analysis(self):
        """SAL-COMP-03: analysis entries are forward or reverse; a reverse one
        names our move and the expected response."""
        Analysis = self.env["scm.competitor.analysis"]
        self.assertEqual(
            [key for key, _label in Analysis._fields["analysis_type"].selection],
            ["forward", "reverse"],
        )
        competitor = self.in_scope_competitor()
        values = {
            "name": "价格策略",
            "competitor_id": competitor.id,
            "analysis_type": "forward",
            "findings": "低价策略",
        }
        forward = Analysis.with_user(self.msd).create(values)
        self.assertEqual(forward.author_id, self.msd)
        with self.assertRaises(ValidationError):
            Analysis.with_user(self.msd).create(dict(values, analysis_type="reverse"))
        reverse = Analysis.with_user(self.channel).create(
            dict(
                values,
                analysis_type="reverse",
                our_move="推出直销加盟版",
                expected_response="降价",
            )
        )
        self.assertEqual(reverse.analysis_type, "reverse")
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Analysis.with_user(self.users["wh.manager"]).create(values)

    def test_sal_comp_04_intel_from_units_to_msd_manager(self):
        """SAL-COMP-04: an intel submission needs an in-scope competitor, one
        submitting unit (department or branch) whose manager submits it and a
        category; it is addressed in writing to the MSD Manager."""
        self.assertEqual(
            [key for key, _label in self.Intel._fields["category"].selection],
            [
                "information_system",
                "sales_method",
                "pricing",
                "marketing_strategy",
                "future_plans",
            ],
        )
        out_of_scope = self.new_competitor("范围外公司")
        competitor = self.in_scope_competitor()
        wh = self.users["wh.manager"]
        base = {"name": "报价", "category": "pricing", "content": "六折报价"}
        before = self.Intel.sudo().search_count([])
        with self.assertRaises(ValidationError):
            self.Intel.with_user(wh).create(
                dict(base, competitor_id=out_of_scope.id, branch_id=self.wuhan.id)
            )
        with self.assertRaises(ValidationError):
            self.Intel.with_user(wh).create(dict(base, competitor_id=competitor.id))
        with self.assertRaises(ValidationError):
            self.Intel.with_user(self.sw).create(
                dict(
                    base,
                    competitor_id=competitor.id,
                    branch_id=self.wuhan.id,
                    department_id=self.env.ref("scm_base.dept_software").id,
                )
            )
        with self.assertRaises(UserError):
            self.Intel.with_user(self.users["bj.manager"]).create(
                dict(base, competitor_id=competitor.id, branch_id=self.wuhan.id)
            )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.Intel.with_user(self.users["wh.consultant"]).create(
                dict(base, competitor_id=competitor.id, branch_id=self.wuhan.id)
            )
        self.assertEqual(self.Intel.sudo().search_count([]), before)
        intel = self.Intel.with_user(wh).create(
            dict(base, competitor_id=competitor.id, branch_id=self.wuhan.id)
        )
        self.assertEqual(intel.company_id, self.wuhan)
        self.assertEqual(intel.recipient_id, self.msd)
        intel.with_user(wh).action_submit()
        self.assertEqual(intel.state, "submitted")
        notice = self.env["scm.notice"]._scm_sent(intel)
        self.assertEqual(notice.recipient_ids, self.msd.partner_id)
        with self.assertRaises(UserError):
            intel.with_user(wh).write({"content": "改"})
        with self.assertRaises(UserError):
            intel.with_user(self.sw).action_receive()
        intel.with_user(self.msd).action_receive()
        self.assertEqual(intel.state, "received")
        dept_intel = self.Intel.with_user(self.sw).create(
            dict(
                base,
                category="information_system",
                competitor_id=competitor.id,
                department_id=self.env.ref("scm_base.dept_software").id,
            )
        )
        self.assertEqual(dept_intel.company_id, self.hq)
        # Another branch's manager does not see Wuhan's submission.
        self.assertFalse(
            self.Intel.with_user(self.users["bj.manager"]).search(
                [("id", "=", intel.id)]
            )
        )

    def test_sal_comp_05_status_set_at_seminar(self):
        """SAL-COMP-05: current / potential comes from a seminar record."""
        self.assertEqual(
            [key for key, _label in self.Competitor._fields["status"].selection],
            ["current", "potential"],
        )
        competitor = self.in_scope_competitor()
        work = self.new_meeting("work")
        Decision = self.env["scm.competitor.decision"].with_user(self.msd)
        with self.assertRaises(ValidationError):
            Decision.create(
                {
                    "meeting_id": work.id,
                    "competitor_id": competitor.id,
                    "decision_type": "status",
                    "status": "current",
                }
            )
        seminar = self.new_meeting("seminar")
        with self.assertRaises(ValidationError):
            Decision.create(
                {
                    "meeting_id": seminar.id,
                    "competitor_id": competitor.id,
                    "decision_type": "status",
                }
            )
        with self.assertRaises(UserError):
            competitor.with_user(self.msd).write({"status": "current"})
        self.decide(competitor, "seminar", decision_type="status", status="potential")
        self.assertEqual(competitor.status, "potential")
        self.assertEqual(
            competitor.status_decision_id.meeting_id.meeting_type, "seminar"
        )

    def new_report(self, **vals):
        competitor = self.in_scope_competitor()
        seminar = self.decide(
            competitor, "seminar", decision_type="status", status="current"
        )
        return self.Report.with_user(self.msd).create(
            {
                "name": "竞争对手分析报告",
                "seminar_id": seminar.id,
                "competitor_ids": [Command.set(competitor.ids)],
                "summary": "<p>分析</p>",
                **vals,
            }
        )

    def test_sal_comp_06_report_by_msd_manager_submitted_by_mc_manager(self):
        """SAL-COMP-06: the MSD Manager writes the report; only the Market
        Center Manager submits it to the Office Meeting."""
        with self.assertRaises(UserError):
            self.Report.with_user(self.mc).create({"name": "报告"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.Report.with_user(self.channel).create({"name": "报告"})
        report = self.new_report(author_id=self.mc.id)
        self.assertEqual(report.author_id, self.msd, "the writer is the author")
        self.assertEqual(report.current_competitor_ids, report.competitor_ids)
        with self.assertRaises(UserError):
            report.with_user(self.msd).write({"author_id": self.mc.id})
        for login in ("msd.manager", "president", "msd.channel"):
            with self.assertRaises(UserError):
                report.with_user(self.users[login]).action_submit_office_meeting()
        self.assertEqual(report.stage, "draft")
        report.with_user(self.mc).action_submit_office_meeting()
        self.assertEqual(report.stage, "submitted")
        self.assertEqual(report.submitted_by_id, self.mc)
        with self.assertRaises(UserError):
            report.with_user(self.msd).write({"summary": "<p>改</p>"})
        with self.assertRaises(UserError):
            report.with_user(self.mc).action_mark_decided()
        self.resolve(report)
        report.with_user(self.secretary).action_mark_decided()
        self.assertEqual(report.stage, "decided")
        # A report without its seminar is not submitted.
        bare = self.Report.with_user(self.msd).create({"name": "无研讨会的报告"})
        with self.assertRaises(UserError):
            bare.with_user(self.mc).action_submit_office_meeting()
        with self.assertRaises(ValidationError):
            self.Report.with_user(self.msd).create(
                {"name": "报告", "seminar_id": self.new_meeting("work").id}
            )

    def test_sal_comp_07_counter_strategy_linked_and_submitted_by_mc(self):
        """SAL-COMP-07: a counter-strategy links to an analysis report and is
        submitted by the Market Center Manager."""
        Counter = self.Report.with_context(default_report_type="counter_strategy")
        with self.assertRaises(ValidationError):
            Counter.with_user(self.mc).create({"name": "反击策略"})
        report = self.new_report()
        counter = Counter.with_user(self.mc).create(
            {
                "name": "反击策略",
                "analysis_report_id": report.id,
                "measures": "<p>组合报价</p>",
            }
        )
        self.assertEqual(counter.report_type, "counter_strategy")
        self.assertEqual(report.counter_strategy_ids, counter)
        with self.assertRaises(ValidationError):
            counter.with_user(self.mc).write({"analysis_report_id": counter.id})
        with self.assertRaises(UserError):
            counter.with_user(self.msd).action_submit_office_meeting()
        counter.with_user(self.mc).action_submit_office_meeting()
        self.assertEqual(counter.stage, "submitted")
        self.assertEqual(counter.submitted_by_id, self.mc)

    def test_sal_comp_report_renders(self):
        """Form 34 prints with its competitor lists and analyses."""
        report = self.new_report()
        competitor = report.competitor_ids
        self.env["scm.competitor.analysis"].with_user(self.msd).create(
            {
                "name": "正面分析",
                "competitor_id": competitor.id,
                "findings": "低价",
                "report_id": report.id,
            }
        )
        report.with_user(self.mc).action_submit_office_meeting()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("scm_sales.report_scm_competitor_report", report.ids)[0]
            .decode()
        )
        self.assertIn(competitor.name, html)
        self.assertIn(self.mc.name, html)
