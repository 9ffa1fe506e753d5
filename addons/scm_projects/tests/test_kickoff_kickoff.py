from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .kickoff_common import KickoffCase


@tagged("post_install", "-at_install")
class TestKickoffKickoff(KickoffCase):
    """The kick-off preparation and meeting (PRJ-KICK-01..04, PRJ-KICK-06)
    and the phased-implementation flag (PRJ-RES-06)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project._scm_set_phase("kickoff")
        cls.kickoff = cls.project.scm_kickoff_ids

    def prepared(self, kickoff=None, leader=True):
        """A kick-off ready to be held: briefing, meeting, leader, payment."""
        kickoff = kickoff or self.kickoff
        project = kickoff.project_id
        if leader and not project._scm_group_leader():
            self.add_leader(project)
        kickoff.with_user(self.pm).write(
            {
                "briefing_date": self.today(),
                "briefing_attendees": "张总、王副总、各部门经理",
                "briefing_content": "关键步骤、难点与失败风险。",
                "meeting_datetime": self.past(hours=1),
                "meeting_venue": "楚风服饰总部会议室",
                "customer_attendee_ids": [(6, 0, self.leader.ids)],
                "aa_attendee_ids": [(6, 0, (self.pm | self.wh_consultant).ids)],
            }
        )
        return kickoff

    # -- creation ---------------------------------------------------------------
    def test_kickoff_record_made_when_project_enters_kickoff(self):
        """Entering 'kickoff' makes the kick-off record once; the PM may open
        it earlier, nobody else; a project has one kick-off."""
        self.assertEqual(len(self.kickoff), 1)
        self.assertEqual(self.kickoff.state, "preparation")
        self.assertEqual(self.kickoff.activity_ids.user_id, self.pm)
        self.project._scm_set_phase("kickoff")
        self.assertEqual(len(self.project.scm_kickoff_ids), 1)
        other = self.make_project(title="汉江项目 启动")
        self.add_member(other, "aa", "consultant", user=self.wh_consultant)
        Kickoff = self.env["scm.project.kickoff"]
        with self.assertRaises(UserError):
            self.as_client(Kickoff, self.wh_consultant).create({"project_id": other.id})
        kickoff = self.as_client(Kickoff, self.pm).create({"project_id": other.id})
        self.assertEqual(kickoff.project_id, other)
        other._scm_set_phase("kickoff")
        self.assertEqual(other.scm_kickoff_ids, kickoff)
        with self.assertRaises(UserError):
            kickoff.with_user(self.pm).unlink()

    def test_kickoff_step_fields_not_forged(self):
        """The state and the step dates are written by steps only, whatever
        the context."""
        kickoff = self.as_client(self.kickoff, self.pm)
        for vals in ({"state": "done"}, {"held_by_id": self.pm.id}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                kickoff.write(vals)
        other = self.make_project(title="伪造启动")
        with self.assertRaises(UserError):
            self.as_client(self.env["scm.project.kickoff"], self.pm).create(
                {"project_id": other.id, "state": "done"}
            )
        forged = (
            self.as_client(self.env["scm.project.kickoff"], self.pm)
            .with_context(default_state="done")
            .create({"project_id": other.id})
        )
        self.assertEqual(forged.state, "preparation")

    # -- PRJ-KICK-01 --------------------------------------------------------------
    def test_prj_kick_01_briefing_before_the_meeting(self):
        """PRJ-KICK-01: the checklist's senior management briefing (date and
        attendees) comes before the kick-off meeting."""
        self.prepared()
        self.pay(self.project.scm_contract_id, 100000)
        self.kickoff.with_user(self.pm).write({"briefing_attendees": " "})
        with self.assertRaisesRegex(UserError, "PRJ-KICK-01"):
            self.kickoff.with_user(self.pm).action_meeting_held()
        self.kickoff.with_user(self.pm).write(
            {
                "briefing_attendees": "张总",
                "briefing_date": self.today().replace(year=self.today().year + 1),
            }
        )
        with self.assertRaisesRegex(UserError, "PRJ-KICK-01"):
            self.kickoff.with_user(self.pm).action_meeting_held()
        self.assertEqual(self.kickoff.state, "preparation")

    # -- PRJ-KICK-02 --------------------------------------------------------------
    def test_prj_kick_02_leading_group_leader_required(self):
        """PRJ-KICK-02: no kick-off meeting without the customer's
        leading-group leader on the team; the leader hosts the meeting."""
        self.prepared(leader=False)
        self.pay(self.project.scm_contract_id, 100000)
        self.assertFalse(self.kickoff.group_leader_id)
        with self.assertRaisesRegex(UserError, "PRJ-KICK-02"):
            self.kickoff.with_user(self.pm).action_meeting_held()
        self.add_leader(self.project)
        self.kickoff.invalidate_recordset()
        self.assertEqual(self.kickoff.group_leader_id, self.leader)
        self.assertEqual(self.kickoff.host_id, self.leader)
        self.kickoff.with_user(self.pm).action_meeting_held()
        self.assertEqual(self.kickoff.state, "held")

    # -- PRJ-KICK-03 --------------------------------------------------------------
    def test_prj_kick_03_warns_when_an_aa_role_is_unfilled(self):
        """PRJ-KICK-03: the kick-off lists the AA roles nobody holds (the
        project's manager is its PM): a warning, not a block."""
        kickoff = self.kickoff.with_user(self.pm)
        unfilled = kickoff.unfilled_aa_roles
        for label in (
            "Requirement Staff",
            "Software Designer",
            "QC Staff",
            "Network Engineering Staff",
        ):
            self.assertIn(label, unfilled)
        self.assertNotIn("Project Manager", unfilled)
        self.assertNotIn("Consultant", unfilled)
        self.assertEqual(
            self.project._scm_unfilled_aa_roles(),
            ["requirement", "software", "qc", "network"],
        )
        self.add_member(self.project, "aa", "qc", user=self.qc_manager)
        kickoff.invalidate_recordset()
        self.assertNotIn("QC Staff", kickoff.unfilled_aa_roles)
        # Held all the same, with the warning in the chatter.
        self.prepared()
        self.pay(self.project.scm_contract_id, 100000)
        kickoff.action_meeting_held()
        self.assertEqual(kickoff.state, "held")
        self.assertIn("PRJ-KICK-03", kickoff.message_ids[:1].body)

    # -- PRJ-KICK-04 --------------------------------------------------------------
    def test_prj_kick_04_held_only_once_first_payment_received(self):
        """PRJ-KICK-04: a contract without a payment schedule needs a payment
        registered before the meeting is held."""
        self.prepared()
        self.assertFalse(self.kickoff.first_payment_received)
        with self.assertRaisesRegex(UserError, "PRJ-KICK-04"):
            self.kickoff.with_user(self.pm).action_meeting_held()
        self.assertEqual(self.kickoff.state, "preparation")
        self.pay(self.project.scm_contract_id, 50000)
        self.kickoff.invalidate_recordset()
        self.assertTrue(self.kickoff.first_payment_received)
        self.kickoff.with_user(self.pm).action_meeting_held()
        self.assertEqual(self.kickoff.state, "held")
        self.assertEqual(self.kickoff.held_by_id, self.pm)
        # Held: the preparation is frozen.
        with self.assertRaises(UserError):
            self.kickoff.with_user(self.pm).write({"meeting_venue": "改地点"})

    def test_prj_kick_04_first_milestone_fully_received(self):
        """PRJ-KICK-04: with a payment schedule, the first milestone by
        sequence must be fully received; a part of it is not enough, nor a
        payment of a later milestone."""
        project = self.make_project(
            title="分期付款项目",
            milestone_ids=[
                (
                    0,
                    0,
                    {
                        "name": "验收款",
                        "amount": 276500,
                        "trigger": "acceptance",
                        "sequence": 20,
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "首付款",
                        "amount": 118500,
                        "trigger": "signature",
                        "sequence": 10,
                    },
                ),
            ],
        )
        self.add_member(project, "aa", "consultant", user=self.wh_consultant)
        project._scm_set_phase("kickoff")
        kickoff = self.prepared(project.scm_kickoff_ids)
        contract = project.scm_contract_id
        first = contract.milestone_ids.filtered(lambda m: m.name == "首付款")
        later = contract.milestone_ids - first
        self.pay(contract, 100000, first)
        self.pay(contract, 50000, later)
        with self.assertRaisesRegex(UserError, "PRJ-KICK-04"):
            kickoff.with_user(self.pm).action_meeting_held()
        self.pay(contract, 18500, first)
        kickoff.with_user(self.pm).action_meeting_held()
        self.assertEqual(kickoff.state, "held")

    def test_prj_kick_04_meeting_is_set_and_not_in_the_future(self):
        """PRJ-KICK-04: time, venue (the customer's choice), attendees of
        both sides; a meeting is not held in the future; attendees are the
        customer's contacts and AA staff."""
        self.prepared()
        self.pay(self.project.scm_contract_id, 100000)
        kickoff = self.kickoff.with_user(self.pm)
        kickoff.write({"meeting_venue": False})
        with self.assertRaisesRegex(UserError, "venue"):
            kickoff.action_meeting_held()
        kickoff.write(
            {"meeting_venue": "客户会议室", "meeting_datetime": self.past(hours=-30)}
        )
        with self.assertRaisesRegex(UserError, "future"):
            kickoff.action_meeting_held()
        with self.assertRaises(ValidationError):
            kickoff.write({"customer_attendee_ids": [(4, self.outsider.id)]})
        kickoff.write(
            {
                "meeting_datetime": self.past(hours=2),
                "aa_attendee_ids": [(4, self.users["mrd.analyst"].id)],
            }
        )
        with self.assertRaisesRegex(UserError, "AA team"):
            kickoff.action_meeting_held()
        self.assertEqual(kickoff.state, "preparation")

    def test_prj_kick_04_hq_project_kicked_off_by_mcd(self):
        """An HQ project's PM is MCD's manager: MCD's manager holds and
        completes its kick-off, the branch's manager does not."""
        project = self.make_project(
            company_id=self.hq.id, partner_id=self.lingnan.id, title="岭南 HQ 启动"
        )
        project._scm_set_phase("kickoff")
        kickoff = project.scm_kickoff_ids
        leader = (
            self.env["res.partner"]
            .sudo()
            .create({"name": "岭南 陈总", "parent_id": self.lingnan.id})
        )
        self.add_member(project, "customer", "group_leader", contact=leader)
        self.pay(project.scm_contract_id, 10000)
        mcd = self.mcd_manager
        # Who reads the customer's contacts is the customer file's business
        # (scm_sales); the contact is linked as set-up data.
        kickoff.sudo().write({"customer_attendee_ids": [(6, 0, leader.ids)]})
        self.as_client(kickoff, mcd).write(
            {
                "briefing_date": self.today(),
                "briefing_attendees": "陈总",
                "meeting_datetime": self.past(hours=1),
                "meeting_venue": "岭南会议室",
                "aa_attendee_ids": [(6, 0, mcd.ids)],
            }
        )
        with self.assertRaises(UserError):
            self.as_client(kickoff, self.pm).action_meeting_held()
        self.as_client(kickoff, mcd).action_meeting_held()
        self.assertEqual(kickoff.state, "held")

    # -- PRJ-KICK-06 --------------------------------------------------------------
    def test_prj_kick_06_completion_needs_minutes_to_the_group_leader(self):
        """PRJ-KICK-06: the kick-off is completed by its minutes, signed and
        sent to the group leader; the project then enters its research."""
        self.prepared()
        self.pay(self.project.scm_contract_id, 100000)
        kickoff = self.kickoff.with_user(self.pm)
        with self.assertRaises(UserError):
            kickoff.action_complete()  # not held yet
        kickoff.action_meeting_held()
        with self.assertRaisesRegex(UserError, "PRJ-KICK-06"):
            kickoff.action_complete()
        # Minutes sent to someone else do not count.
        other = self.new_meeting(
            name="启动会纪要（错投）",
            meeting_type="kickoff",
            department=False,
            addressee_id=self.sales_head.id,
        )
        self.signed_and_sent(other)
        with self.assertRaisesRegex(UserError, "PRJ-KICK-06"):
            kickoff.action_complete()
        minutes = self.new_meeting(
            name="项目启动动员会会谈纪要", meeting_type="kickoff", department=False
        )
        with self.assertRaisesRegex(UserError, "PRJ-KICK-06"):
            kickoff.action_complete()  # still a draft
        self.signed_and_sent(minutes)
        self.assertIn(minutes, kickoff.minutes_ids)
        with self.assertRaises(UserError):
            kickoff.with_user(self.wh_consultant).action_complete()
        # The plans are issued and the schedule adopted (the plans area's
        # tests run that chain; test_prj_kick_06_completion_waits_for_the_plans
        # shows the kick-off waiting for them).
        with patch.object(
            type(self.env["project.project"]),
            "_scm_plan_blockers",
            create=True,
            new=lambda project: [],
        ):
            kickoff.action_complete()
        self.assertEqual(kickoff.state, "done")
        self.assertFalse(kickoff.activity_ids)
        self.assertEqual(self.project.scm_phase, "research")

    def test_prj_kick_06_completion_waits_for_the_plans(self):
        """PRJ-SC-03 (plans area): while the project reports missing plans,
        the kick-off is not completed."""
        self.prepared()
        self.pay(self.project.scm_contract_id, 100000)
        kickoff = self.kickoff.with_user(self.pm)
        kickoff.action_meeting_held()
        self.signed_and_sent(
            self.new_meeting(
                name="启动会纪要", meeting_type="kickoff", department=False
            )
        )
        Project = type(self.env["project.project"])
        with (
            patch.object(
                Project,
                "_scm_plan_blockers",
                create=True,
                new=lambda project: ["The QC plan is missing."],
            ),
            self.assertRaisesRegex(UserError, "QC plan"),
        ):
            kickoff.action_complete()
        self.assertEqual(self.project.scm_phase, "kickoff")

    # -- who may take the steps ------------------------------------------------------
    def test_prj_kick_steps_taken_by_the_pm_only(self):
        """Only the PM records the meeting; a team consultant prepares it;
        the auditor reads and changes nothing; Beijing sees nothing."""
        self.prepared()
        self.pay(self.project.scm_contract_id, 100000)
        self.as_client(self.kickoff, self.wh_consultant).write(
            {"meeting_notes": "议程：介绍、讲话。"}
        )
        for user in (self.wh_consultant, self.auditor, self.mcd_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(self.kickoff, user).action_meeting_held()
        self.assertEqual(
            self.as_client(self.kickoff, self.auditor).read(["state"])[0]["state"],
            "preparation",
        )
        with self.assertRaises(UserError):
            self.as_client(self.kickoff, self.auditor).write({"meeting_notes": "x"})
        for user in (self.bj_manager, self.users["bj.consultant"]):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.as_client(self.kickoff, user).read(["state"])
        self.as_client(self.kickoff, self.pm).action_meeting_held()
        self.assertEqual(self.kickoff.state, "held")

    def test_kickoff_form_opens_for_the_pm(self):
        with Form(self.as_client(self.kickoff, self.pm)) as form:
            form.meeting_venue = "楚风会议室"
        self.assertEqual(self.kickoff.meeting_venue, "楚风会议室")

    # -- PRJ-RES-06 ---------------------------------------------------------------
    def test_prj_res_06_phased_project_needs_a_transition_plan(self):
        """PRJ-RES-06: a phased project reports a missing transition plan
        (the elements area refuses the scheme's approval meanwhile); only
        the PM decides the phasing."""
        self.assertFalse(self.project._scm_phased_transition_missing())
        with self.assertRaises(UserError):
            self.as_client(self.kickoff, self.wh_consultant).write({"phased": True})
        self.as_client(self.kickoff, self.pm).write({"phased": True})
        self.assertTrue(self.project._scm_phased_transition_missing())
        self.as_client(self.kickoff, self.pm).write({"transition_plan": "  "})
        self.assertTrue(self.project._scm_phased_transition_missing())
        self.as_client(self.kickoff, self.pm).write(
            {"transition_plan": "一期销售、仓储上线后，按一期方法推进二期生产。"}
        )
        self.assertFalse(self.project._scm_phased_transition_missing())
        # A project without a kick-off is not phased.
        self.assertFalse(
            self.make_project(title="无启动记录")._scm_phased_transition_missing()
        )
