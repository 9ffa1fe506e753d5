"""Security tests for scm_base: branch isolation, HQ and audit visibility,
delegations, procedure violations and assessment entries, always through the
ORM as the demo users (with_user), never as superuser."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import china_today


@tagged("post_install", "-at_install")
class TestSecurity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.company_wh = ref("scm_base.company_wh")
        cls.company_bj = ref("scm_base.company_bj")
        cls.hq = ref("base.main_company")
        cls.user_wh_consultant = ref("scm_base.user_wh_consultant")
        cls.user_wh_consultant2 = ref("scm_base.user_wh_consultant2")
        cls.user_bj_consultant = ref("scm_base.user_bj_consultant")
        cls.user_wh_manager = ref("scm_base.user_wh_manager")
        cls.user_bj_manager = ref("scm_base.user_bj_manager")
        cls.user_msd_manager = ref("scm_base.user_msd_manager")
        cls.user_audit = ref("scm_base.user_audit_staff")
        cls.user_sc_manager = ref("scm_base.user_sc_manager")
        cls.user_president = ref("scm_base.user_president")
        cls.user_finance = ref("scm_base.user_finance_staff")

        cls.partner = cls.env["res.partner"].create({"name": "SEC test customer"})
        now = fields.Datetime.now()
        Deadline = cls.env["scm.deadline"].sudo()
        cls.deadline_wh = Deadline.create(
            {
                "name": "SEC deadline Wuhan",
                "res_model": "res.partner",
                "res_id": cls.partner.id,
                "company_id": cls.company_wh.id,
                "user_id": cls.user_wh_consultant.id,
                "unit": "working_days",
                "amount": 1,
                "start_date": now,
                "due_date": now + timedelta(days=1),
            }
        )
        cls.deadline_bj = Deadline.create(
            {
                "name": "SEC deadline Beijing",
                "res_model": "res.partner",
                "res_id": cls.partner.id,
                "company_id": cls.company_bj.id,
                "user_id": cls.user_bj_consultant.id,
                "unit": "working_days",
                "amount": 1,
                "start_date": now,
                "due_date": now + timedelta(days=1),
            }
        )
        cls.deadlines = cls.deadline_wh | cls.deadline_bj

        Round = cls.env["scm.approval.round"].sudo()
        cls.round_wh = Round.create(
            {
                "res_model": "res.partner",
                "res_id": cls.partner.id,
                "res_name": "SEC round Wuhan",
                "version": 1,
                "company_id": cls.company_wh.id,
            }
        )
        cls.round_bj = Round.create(
            {
                "res_model": "res.partner",
                "res_id": cls.partner.id,
                "res_name": "SEC round Beijing",
                "version": 1,
                "company_id": cls.company_bj.id,
            }
        )
        cls.rounds = cls.round_wh | cls.round_bj

        Violation = cls.env["scm.procedure.violation"].sudo()
        cls.violations = {}
        for key, user, company in (
            ("wh1", cls.user_wh_consultant, cls.company_wh),
            ("wh2", cls.user_wh_consultant2, cls.company_wh),
            ("bj", cls.user_bj_consultant, cls.company_bj),
        ):
            cls.violations[key] = Violation.create(
                {
                    "user_id": user.id,
                    "company_id": company.id,
                    "res_model": "res.partner",
                    "res_id": cls.partner.id,
                    "res_name": cls.partner.name,
                    "action": "send",
                    "reason": f"SEC unsigned document {key}",
                }
            )
        cls.all_violations = Violation.browse([v.id for v in cls.violations.values()])

        Entry = cls.env["scm.assessment.entry"]
        cls.entries = {}
        for key, user in (
            ("wh1", cls.user_wh_consultant),
            ("wh2", cls.user_wh_consultant2),
            ("bj", cls.user_bj_consultant),
        ):
            cls.entries[key] = Entry._scm_add(
                user, "audit", f"SEC audit finding {key}", score=-1.0
            )
        cls.all_entries = Entry.sudo().browse([e.id for e in cls.entries.values()])
        cls.model_partner = cls.env["ir.model"]._get("res.partner")

    def _visible(self, records, user):
        """The subset of `records` that `user` finds by search."""
        self.env.invalidate_all()
        return records.with_user(user).search([("id", "in", records.ids)])

    def _assert_reads(self, record, user):
        self.env.invalidate_all()
        values = record.with_user(user).read(["id"])
        self.assertEqual(values[0]["id"], record.id)

    def _assert_cannot_read(self, record, user):
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            record.with_user(user).browse(record.id).read(["id"])

    def _delegation_vals(self, delegator, delegate, **vals):
        today = china_today()
        values = {
            "delegator_id": delegator.id,
            "delegate_id": delegate.id,
            "model_ids": [(6, 0, self.model_partner.ids)],
            "date_from": today,
            "date_to": today + timedelta(days=10),
            "reason": "SEC leave",
        }
        values.update(vals)
        return values

    # ------------------------------------------------------------------
    # Branch isolation of deadlines (ORG-UNIT-01 multi-company, ORG-RULE-10)
    # ------------------------------------------------------------------
    def test_sec_deadline_branch_consultant_sees_own_branch_only(self):
        """ORG-UNIT-01/ORG-RULE-10: a Wuhan consultant reads the Wuhan deadline
        and not the Beijing one; a Beijing consultant the reverse."""
        self.assertEqual(
            self._visible(self.deadlines, self.user_wh_consultant), self.deadline_wh
        )
        self._assert_reads(self.deadline_wh, self.user_wh_consultant)
        self._assert_cannot_read(self.deadline_bj, self.user_wh_consultant)

        self.assertEqual(
            self._visible(self.deadlines, self.user_bj_consultant), self.deadline_bj
        )
        self._assert_reads(self.deadline_bj, self.user_bj_consultant)
        self._assert_cannot_read(self.deadline_wh, self.user_bj_consultant)

    def test_sec_deadline_branch_manager_sees_own_branch_only(self):
        """ORG-ROLE-27: the Wuhan branch manager sees Wuhan deadlines only."""
        self.assertEqual(
            self._visible(self.deadlines, self.user_wh_manager), self.deadline_wh
        )
        self._assert_cannot_read(self.deadline_bj, self.user_wh_manager)
        self.assertEqual(
            self._visible(self.deadlines, self.user_bj_manager), self.deadline_bj
        )

    def test_sec_deadline_hq_sees_all_branches(self):
        """ORG-ROLE-05/ORG-ROLE-01: the MSD manager and the President (HQ staff)
        see the deadlines of all branches."""
        for user in (self.user_msd_manager, self.user_president, self.user_finance):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(self.deadlines, user), self.deadlines)
                self._assert_reads(self.deadline_wh, user)
                self._assert_reads(self.deadline_bj, user)

    def test_sec_deadline_hq_staff_rule_not_company_bound(self):
        """ORG-ROLE-05/ORG-RULE-10: HQ staff see all branches through their role,
        even when their own company list is only HQ."""
        self.user_msd_manager.sudo().write(
            {"company_id": self.hq.id, "company_ids": [(6, 0, self.hq.ids)]}
        )
        self.assertEqual(
            self._visible(self.deadlines, self.user_msd_manager), self.deadlines
        )

    def test_sec_deadline_auditor_reads_all_writes_nothing(self):
        """ORG-ROLE-18/ORG-RULE-10: the auditor reads every branch's deadlines
        but can neither write nor create them; nothing is changed."""
        self.assertEqual(self._visible(self.deadlines, self.user_audit), self.deadlines)
        self._assert_reads(self.deadline_wh, self.user_audit)
        self._assert_reads(self.deadline_bj, self.user_audit)
        with self.assertRaises(AccessError):
            self.deadline_wh.with_user(self.user_audit).write(
                {"name": "changed by audit"}
            )
        with self.assertRaises(AccessError):
            self.deadline_bj.with_user(self.user_audit).unlink()
        with self.assertRaises(AccessError):
            self.env["scm.deadline"].with_user(self.user_audit).create(
                {
                    "name": "audit deadline",
                    "res_model": "res.partner",
                    "res_id": self.partner.id,
                    "company_id": self.company_wh.id,
                    "user_id": self.user_audit.id,
                    "start_date": fields.Datetime.now(),
                    "due_date": fields.Datetime.now(),
                }
            )
        self.env.invalidate_all()
        self.assertEqual(self.deadline_wh.name, "SEC deadline Wuhan")
        self.assertTrue(self.deadline_bj.exists())
        self.assertFalse(
            self.env["scm.deadline"].search([("name", "=", "audit deadline")])
        )

    def test_sec_deadline_auditor_not_company_bound(self):
        """ORG-ROLE-18: the auditor reads all branches through the audit role,
        even when the auditor's company list is only HQ."""
        self.user_audit.sudo().write(
            {"company_id": self.hq.id, "company_ids": [(6, 0, self.hq.ids)]}
        )
        self.assertEqual(self._visible(self.deadlines, self.user_audit), self.deadlines)

    def test_sec_deadline_consultant_cannot_write(self):
        """ORG-RULE-04/ORG-RULE-10: a consultant cannot write or create a
        deadline, even one of their own branch."""
        with self.assertRaises(AccessError):
            self.deadline_wh.with_user(self.user_wh_consultant).write({"name": "moved"})
        with self.assertRaises(AccessError):
            self.deadline_wh.with_user(self.user_wh_consultant).write(
                {"due_date": fields.Datetime.now() + timedelta(days=30)}
            )
        with self.assertRaises(AccessError):
            self.deadline_wh.with_user(self.user_wh_manager).unlink()
        self.env.invalidate_all()
        self.assertEqual(self.deadline_wh.name, "SEC deadline Wuhan")

    # ------------------------------------------------------------------
    # Approval rounds (ORG-RULE-11)
    # ------------------------------------------------------------------
    def test_sec_approval_round_branch_isolation(self):
        """ORG-RULE-11: approval rounds follow branch isolation: each branch
        consultant sees their branch only, HQ staff and the auditor see all."""
        self.assertEqual(
            self._visible(self.rounds, self.user_wh_consultant), self.round_wh
        )
        self._assert_cannot_read(self.round_bj, self.user_wh_consultant)
        self.assertEqual(
            self._visible(self.rounds, self.user_bj_consultant), self.round_bj
        )
        self._assert_cannot_read(self.round_wh, self.user_bj_consultant)
        self.assertEqual(
            self._visible(self.rounds, self.user_wh_manager), self.round_wh
        )
        for user in (self.user_msd_manager, self.user_president, self.user_audit):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(self.rounds, user), self.rounds)

    def test_sec_approval_round_history_is_read_only(self):
        """ORG-RULE-11: the stored rounds cannot be altered or created by users
        (auditor and consultants alike)."""
        for user in (self.user_audit, self.user_wh_consultant, self.user_wh_manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.round_wh.with_user(user).write({"res_name": "tampered"})
                with self.assertRaises(AccessError):
                    self.env["scm.approval.round"].with_user(user).create(
                        {
                            "res_model": "res.partner",
                            "res_id": self.partner.id,
                            "version": 2,
                            "company_id": self.company_wh.id,
                        }
                    )
                with self.assertRaises(AccessError):
                    self.round_wh.with_user(user).unlink()
        self.env.invalidate_all()
        self.assertEqual(self.round_wh.res_name, "SEC round Wuhan")

    # ------------------------------------------------------------------
    # Delegations (ORG-RULE-06)
    # ------------------------------------------------------------------
    def test_sec_delegation_unit_manager_delegates_own_authority(self):
        """ORG-RULE-06: a unit manager can delegate their own authority; the
        delegate can read the delegation, an outsider cannot."""
        Delegation = self.env["scm.delegation"].with_user(self.user_wh_manager)
        delegation = Delegation.create(
            self._delegation_vals(self.user_wh_manager, self.user_wh_consultant)
        )
        self.assertEqual(delegation.delegator_id, self.user_wh_manager)
        self.assertEqual(delegation.delegate_id, self.user_wh_consultant)
        # The delegator default is the current user.
        vals = self._delegation_vals(self.user_wh_manager, self.user_wh_consultant2)
        del vals["delegator_id"]
        default = Delegation.create(vals)
        self.assertEqual(default.delegator_id, self.user_wh_manager)

        self._assert_reads(delegation, self.user_wh_consultant)
        self.assertEqual(
            self._visible(delegation | default, self.user_wh_consultant), delegation
        )
        self._assert_cannot_read(delegation, self.user_bj_consultant)
        self._assert_cannot_read(default, self.user_wh_consultant)
        # The delegate cannot change the delegation.
        with self.assertRaises(AccessError):
            delegation.with_user(self.user_wh_consultant).write(
                {"date_to": china_today() + timedelta(days=365)}
            )
        # The auditor reads every delegation.
        self.assertEqual(
            self._visible(delegation | default, self.user_audit), delegation | default
        )
        # The delegation is effective for the delegate.
        self.assertIn(
            self.user_wh_manager,
            self.env["scm.delegation"]._scm_delegators(
                self.user_wh_consultant, "res.partner"
            ),
        )
        # ...who acts for the delegator on that model only, and for nobody else.
        Delegation = self.env["scm.delegation"]
        self.assertTrue(
            Delegation._scm_acts_for(
                self.user_wh_consultant, self.user_wh_manager, "res.partner"
            )
        )
        self.assertFalse(
            Delegation._scm_acts_for(
                self.user_wh_consultant, self.user_wh_manager, "res.company"
            )
        )
        self.assertFalse(
            Delegation._scm_acts_for(
                self.user_wh_consultant, self.user_bj_manager, "res.partner"
            )
        )
        self.assertFalse(
            Delegation._scm_acts_for(
                self.user_wh_consultant, self.env["res.users"], "res.partner"
            )
        )
        self.assertTrue(
            Delegation._scm_acts_for(
                self.user_bj_manager, self.user_bj_manager, "res.partner"
            )
        )

    def test_sec_delegation_only_for_oneself(self):
        """ORG-RULE-06: a unit manager cannot create a delegation whose delegator
        is someone else (AccessError); nothing is created."""
        Delegation = self.env["scm.delegation"].with_user(self.user_wh_manager)
        with self.assertRaises(AccessError):
            Delegation.create(
                self._delegation_vals(self.user_bj_manager, self.user_wh_consultant)
            )
        self.env.invalidate_all()
        self.assertFalse(
            self.env["scm.delegation"].search(
                [("delegator_id", "=", self.user_bj_manager.id)]
            )
        )

    def test_sec_delegation_cannot_be_reassigned_to_another_delegator(self):
        """ORG-RULE-06: a unit manager cannot turn their own delegation into one
        given by someone else by changing its delegator; the delegator is
        unchanged afterwards."""
        Delegation = self.env["scm.delegation"].with_user(self.user_wh_manager)
        own = Delegation.create(
            self._delegation_vals(self.user_wh_manager, self.user_wh_consultant)
        )
        with self.assertRaises(UserError):
            own.write({"delegator_id": self.user_bj_manager.id})
        self.env.invalidate_all()
        self.assertEqual(own.delegator_id, self.user_wh_manager)
        self.assertFalse(
            self.env["scm.delegation"].search(
                [("delegator_id", "=", self.user_bj_manager.id)]
            )
        )
        self.assertNotIn(
            self.user_bj_manager,
            self.env["scm.delegation"]._scm_delegators(
                self.user_wh_consultant, "res.partner"
            ),
        )

    def test_sec_delegation_consultant_cannot_create(self):
        """ORG-RULE-06: a consultant (no manager role) cannot create a delegation,
        not even for themselves."""
        Delegation = self.env["scm.delegation"].with_user(self.user_wh_consultant)
        with self.assertRaises(AccessError):
            Delegation.create(
                self._delegation_vals(self.user_wh_consultant, self.user_wh_consultant2)
            )
        self.env.invalidate_all()
        self.assertFalse(
            self.env["scm.delegation"].search(
                [("delegator_id", "=", self.user_wh_consultant.id)]
            )
        )

    def test_sec_delegation_constraints(self):
        """ORG-RULE-06: self-delegation and a validity ending before it starts
        raise ValidationError; nothing is created."""
        Delegation = self.env["scm.delegation"].with_user(self.user_wh_manager)
        with self.assertRaises(ValidationError):
            Delegation.create(
                self._delegation_vals(self.user_wh_manager, self.user_wh_manager)
            )
        today = china_today()
        with self.assertRaises(ValidationError):
            Delegation.create(
                self._delegation_vals(
                    self.user_wh_manager,
                    self.user_wh_consultant,
                    date_from=today,
                    date_to=today - timedelta(days=1),
                )
            )
        self.env.invalidate_all()
        self.assertFalse(
            self.env["scm.delegation"].search(
                [("delegator_id", "=", self.user_wh_manager.id)]
            )
        )
        # A one-day delegation is valid.
        one_day = Delegation.create(
            self._delegation_vals(
                self.user_wh_manager,
                self.user_wh_consultant,
                date_from=today,
                date_to=today,
            )
        )
        self.assertTrue(one_day)
        with self.assertRaises(ValidationError):
            one_day.write({"delegate_id": self.user_wh_manager.id})

    # ------------------------------------------------------------------
    # Procedure violations (ORG-RULE-05; the Audit Dept reads them)
    # ------------------------------------------------------------------
    def test_sec_procedure_violation_visibility(self):
        """ORG-RULE-05: procedure violations are visible to the Audit Dept (all);
        a consultant sees only their own, a branch manager their branch's."""
        v = self.violations
        self.assertEqual(
            self._visible(self.all_violations, self.user_audit), self.all_violations
        )
        self.assertEqual(
            self._visible(self.all_violations, self.user_wh_consultant), v["wh1"]
        )
        self._assert_cannot_read(v["wh2"], self.user_wh_consultant)
        self._assert_cannot_read(v["bj"], self.user_wh_consultant)
        self.assertEqual(
            self._visible(self.all_violations, self.user_bj_consultant), v["bj"]
        )
        self.assertEqual(
            self._visible(self.all_violations, self.user_wh_manager),
            v["wh1"] | v["wh2"],
        )
        self._assert_cannot_read(v["bj"], self.user_wh_manager)
        for user in (self.user_sc_manager, self.user_president):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self._visible(self.all_violations, user), self.all_violations
                )

    def test_sec_procedure_violation_cannot_be_erased(self):
        """ORG-RULE-05: the person concerned (or the auditor) cannot alter,
        delete or forge a violation entry."""
        for user in (self.user_wh_consultant, self.user_wh_manager, self.user_audit):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.violations["wh1"].with_user(user).unlink()
                with self.assertRaises(AccessError):
                    self.violations["wh1"].with_user(user).write({"reason": "nothing"})
                with self.assertRaises(AccessError):
                    self.env["scm.procedure.violation"].with_user(user).create(
                        {"user_id": self.user_wh_consultant2.id, "reason": "forged"}
                    )
        self.env.invalidate_all()
        self.assertTrue(self.violations["wh1"].exists())
        self.assertEqual(self.violations["wh1"].reason, "SEC unsigned document wh1")

    def test_sec_procedure_violation_logged_as_actor(self):
        """ORG-RULE-05: _scm_log records the acting user and the document's
        branch, even when the actor has no write access to violations."""
        document = self.deadline_wh.with_user(self.user_wh_consultant)
        violation = (
            self.env["scm.procedure.violation"]
            .with_user(self.user_wh_consultant)
            ._scm_log(document, "send", "missing signature")
        )
        self.assertEqual(violation.user_id, self.user_wh_consultant)
        self.assertEqual(violation.company_id, self.company_wh)
        self.assertIn(violation, self._visible(violation, self.user_audit))
        self.assertIn(violation, self._visible(violation, self.user_wh_consultant))
        self.assertFalse(self._visible(violation, self.user_bj_consultant))

    # ------------------------------------------------------------------
    # Assessment entries (ORG-RULE-12)
    # ------------------------------------------------------------------
    def test_sec_assessment_entry_visibility(self):
        """ORG-RULE-12: consultants see only their own assessment entries; the
        auditor sees all; a branch manager their branch's."""
        e = self.entries
        self.assertEqual(
            self._visible(self.all_entries, self.user_wh_consultant), e["wh1"]
        )
        self._assert_cannot_read(e["wh2"], self.user_wh_consultant)
        self._assert_cannot_read(e["bj"], self.user_wh_consultant)
        self.assertEqual(
            self._visible(self.all_entries, self.user_wh_consultant2), e["wh2"]
        )
        self.assertEqual(
            self._visible(self.all_entries, self.user_bj_consultant), e["bj"]
        )
        self.assertEqual(
            self._visible(self.all_entries, self.user_audit), self.all_entries
        )
        self.assertEqual(
            self._visible(self.all_entries, self.user_wh_manager), e["wh1"] | e["wh2"]
        )
        self.assertEqual(self._visible(self.all_entries, self.user_bj_manager), e["bj"])

    def test_sec_assessment_entry_read_only_for_staff(self):
        """ORG-RULE-12: a consultant cannot change or create assessment entries
        (not even their own), nor can the auditor."""
        for user in (self.user_wh_consultant, self.user_audit, self.user_wh_manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.entries["wh1"].with_user(user).write({"score": 10.0})
                with self.assertRaises(AccessError):
                    self.env["scm.assessment.entry"].with_user(user).create(
                        {
                            "user_id": self.user_wh_consultant.id,
                            "period": china_today().replace(day=1),
                            "source": "commendation",
                            "description": "self-praise",
                        }
                    )
        self.env.invalidate_all()
        self.assertEqual(self.entries["wh1"].score, -1.0)
        self.assertEqual(self.entries["wh1"].period, china_today().replace(day=1))
        self.assertEqual(self.entries["wh1"].company_id, self.company_wh)

    # ------------------------------------------------------------------
    # Working groups (ORG-UNIT-05)
    # ------------------------------------------------------------------
    def test_sec_working_group_branch_isolation(self):
        """ORG-UNIT-05: working groups are isolated by branch; unit managers may
        create them, consultants may not."""
        WorkingGroup = self.env["scm.working.group"]
        group_wh = WorkingGroup.with_user(self.user_wh_manager).create(
            {
                "name": "武汉项目组",
                "group_type": "project",
                "company_id": self.company_wh.id,
            }
        )
        group_bj = WorkingGroup.with_user(self.user_bj_manager).create(
            {
                "name": "北京项目组",
                "group_type": "project",
                "company_id": self.company_bj.id,
            }
        )
        groups = group_wh | group_bj
        self.assertEqual(self._visible(groups, self.user_wh_consultant), group_wh)
        self.assertEqual(self._visible(groups, self.user_bj_consultant), group_bj)
        self.assertEqual(self._visible(groups, self.user_msd_manager), groups)
        with self.assertRaises(AccessError):
            WorkingGroup.with_user(self.user_wh_consultant).create(
                {
                    "name": "顾问自建组",
                    "group_type": "project",
                    "company_id": self.company_wh.id,
                }
            )
        with self.assertRaises(AccessError):
            WorkingGroup.with_user(self.user_wh_manager).create(
                {
                    "name": "越权组",
                    "group_type": "project",
                    "company_id": self.company_bj.id,
                }
            )
