from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from ..models.project_project import ELEMENTS_STEP_FIELDS, STEP_FIELDS
from .common import ScmProjectsCase


@tagged("post_install", "-at_install")
class TestProjectCore(ScmProjectsCase):
    """A contract in force becomes its project; who sees and changes it."""

    def test_prj_init_01_signed_contract_becomes_its_project(self):
        """PRJ-INIT-01/02: the customer's signature makes the contract a
        project of its branch, with the branch manager as PM; a payment due
        "on signature" falls due that day and Finance owes it."""
        contract = self.new_contract(
            milestone_ids=[
                (0, 0, {"name": "首付款", "amount": 118500, "trigger": "signature"}),
                (0, 0, {"name": "验收款", "amount": 276500, "trigger": "acceptance"}),
            ]
        )
        self.effective(contract)
        project = contract.scm_project_id
        self.assertTrue(project)
        self.assertEqual(project.company_id, self.wuhan)
        self.assertEqual(project.user_id, self.wh_manager)
        self.assertEqual(project.scm_pm_unit, "branch")
        self.assertEqual(project.scm_phase, "initiation")
        self.assertEqual(project.partner_id, self.chufeng)
        self.assertEqual(project.privacy_visibility, "followers")
        self.assertIn(self.wh_manager.partner_id, project.message_partner_ids)
        first, last = contract.milestone_ids.sorted("amount")
        self.assertEqual(first.due_date, contract.effective_date)
        self.assertFalse(last.due_date)
        # Signing again does not make a second project.
        self.assertEqual(self.Project._scm_create_for_contract(contract), project)

    def test_prj_init_02_hq_contract_is_managed_by_mcd(self):
        """PRJ-INIT-02: HQ acts as PM: MCD's manager."""
        project = self.make_project(
            company_id=self.hq.id, partner_id=self.lingnan.id, title="岭南 HQ 项目"
        )
        self.assertEqual(project.user_id, self.mcd_manager)
        self.assertEqual(project.scm_pm_unit, "hq")

    def test_brand_contract_makes_no_project_here(self):
        """Brand projects come with the brand-operation workflow (PRJ-BRD)."""
        contract = (
            self.env["scm.contract"]
            .sudo()
            .create(
                {
                    "title": "品牌合同",
                    "contract_type": "brand",
                    "company_id": self.wuhan.id,
                    "partner_id": self.chufeng.id,
                    "amount": 80000,
                }
            )
        )
        contract.write({"stage": "effective", "effective_date": self.today()})
        contract._scm_on_effective()
        self.assertFalse(contract.scm_project_id)

    # -- who sees what -------------------------------------------------------------
    def test_prj_sec_other_branch_sees_nothing(self):
        """A Beijing user cannot read a Wuhan project, its tasks or team."""
        task = (
            self.env["project.task"]
            .sudo()
            .create(
                {
                    "name": "需求调研",
                    "project_id": self.project.id,
                    "scm_track": "requirement",
                }
            )
        )
        for user in (self.bj_manager, self.users["bj.consultant"]):
            with self.assertRaises(AccessError):
                self.as_client(self.project, user).read(["name"])
            with self.assertRaises(AccessError):
                self.as_client(task, user).read(["name"])
            self.assertFalse(
                self.as_client(self.Project, user).search(
                    [("id", "=", self.project.id)]
                )
            )

    def test_prj_sec_branch_team_and_hq_read(self):
        """The branch, MCD and the supervising HQ units read the project with
        only their own company active (the web client after login)."""
        for user in (
            self.wh_manager,
            self.wh_consultant,
            self.mcd_manager,
            self.tsms,
            self.auditor,
            self.finance,
            self.msd_manager,
        ):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self.as_client(self.Project, user).search(
                        [("id", "=", self.project.id)]
                    ),
                    self.project,
                )

    def test_prj_sec_hq_department_reads_as_team_member(self):
        """SUP-EPM-03: an HQ QC manager reads a project only once on its team."""
        project = self.as_client(self.project, self.qc_manager)
        with self.assertRaises(AccessError):
            project.read(["name"])
        # An HQ unit's member joins a branch's team through the coordination
        # request its manager answers (SUP-EPM-03), whose step adds them.
        self.project.sudo().write(
            {
                "scm_member_ids": [
                    (
                        0,
                        0,
                        {
                            "side": "aa",
                            "role": "qc",
                            "user_id": self.qc_manager.id,
                        },
                    )
                ]
            }
        )
        self.assertEqual(project.read(["name"])[0]["id"], self.project.id)

    def test_prj_sec_readers_do_not_change_the_project(self):
        """Audit and Finance read every project and change none."""
        for user in (self.auditor, self.finance):
            # AccessError is a UserError.
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(self.project, user).write({"name": "改名"})
        self.assertNotEqual(self.project.name, "改名")

    def test_prj_sec_step_fields_and_forged_context(self):
        """The phase, contract and run-in are set by steps only, whatever the
        context a client sends; a customer project is never deleted."""
        admin = self.env.ref("base.user_admin")
        project = self.project.with_user(admin)
        for vals in (
            {"scm_phase": "closed"},
            {"scm_runin_start": "2026-01-01"},
            {"scm_contract_id": False},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                project.write(vals)
        with self.assertRaises(UserError):
            self.Project.with_user(admin).create(
                {"name": "伪造", "scm_contract_id": self.project.scm_contract_id.id}
            )
        forged = (
            self.Project.with_user(admin)
            .with_context(default_scm_phase="closed", default_scm_contract_id=1)
            .create({"name": "内部项目"})
        )
        self.assertFalse(forged.scm_phase)
        self.assertFalse(forged.scm_contract_id)
        with self.assertRaises(UserError):
            project.unlink()
        with self.assertRaises(UserError):
            self.project.with_user(self.wh_manager).write(
                {"user_id": self.wh_consultant.id}
            )
        with self.assertRaises(UserError):
            self.project.with_user(self.wh_manager).write(
                {"company_id": self.beijing.id}
            )

    def test_prj_sec_every_area_step_field_is_guarded(self):
        """Every step field of every area (phase and dates, Finance's
        collection verification PRJ-SC-09, a network project's arrival and
        cancellation SUP-EPM-01, the completion date PRJ-ELEM-07) is refused
        in a write and at create, and dropped from forged context defaults."""
        admin = self.env.ref("base.user_admin")
        samples = {
            "date": "2026-01-05",
            "datetime": "2026-01-05 08:00:00",
            "selection": "closed",
            "many2one": admin.id,
        }
        for name in (*STEP_FIELDS, *ELEMENTS_STEP_FIELDS):
            field = self.Project._fields[name]
            value = (
                self.project.scm_contract_id.id
                if name == "scm_contract_id"
                else samples[field.type]
            )
            with self.subTest(field=name):
                with self.assertRaises(UserError):
                    self.project.with_user(admin).write({name: value})
                with self.assertRaises(UserError):
                    self.Project.with_user(admin).create({"name": "伪造", name: value})
                forged = (
                    self.Project.with_user(admin)
                    .with_context(**{f"default_{name}": value})
                    .create({"name": "内部项目"})
                )
                self.assertFalse(forged[name])

    def test_prj_closed_project_refuses_edits(self):
        """SUP-EPM-02: a closed project and its plan lines refuse changes."""
        task = (
            self.env["project.task"]
            .sudo()
            .create({"name": "实施计划", "project_id": self.project.id})
        )
        self.project._scm_set_phase("closed")
        pm = self.wh_manager
        with self.assertRaises(UserError):
            self.project.with_user(pm).write({"description": "<p>补充</p>"})
        with self.assertRaises(UserError):
            task.with_user(pm).write({"name": "改"})
        with self.assertRaises(UserError):
            self.env["project.task"].with_user(pm).create(
                {"name": "新任务", "project_id": self.project.id}
            )
        # A favourite is the user's own, not the project's.
        self.project.with_user(pm).write({"is_favorite": True})

    # -- run-in dates -----------------------------------------------------------
    def test_prj_sc_07_runin_end_is_start_plus_contract_period(self):
        """PRJ-SC-07: run-in end = start + the contract's free period."""
        self.project._scm_step_write({"scm_runin_start": date(2026, 3, 31)})
        self.assertEqual(self.project.scm_runin_months, 3)
        self.assertEqual(self.project.scm_runin_end, date(2026, 6, 30))

    # -- team ---------------------------------------------------------------------
    def test_prj_kick_03_team_roles_on_both_sides(self):
        """PRJ-KICK-03: AA members are users in AA roles, customer members
        contacts of the customer in customer roles."""
        Member = self.env["scm.project.member"].with_user(self.wh_manager)
        contact = (
            self.env["res.partner"]
            .sudo()
            .create({"name": "楚风 张总", "parent_id": self.chufeng.id})
        )
        leader = Member.create(
            {
                "project_id": self.project.id,
                "side": "customer",
                "role": "group_leader",
                "customer_contact_id": contact.id,
            }
        )
        self.assertIn("楚风 张总", leader.display_name)
        other = self.env["res.partner"].sudo().create({"name": "外人"})
        bad = (
            {
                "side": "customer",
                "role": "group_leader",
                "customer_contact_id": other.id,
            },
            {"side": "aa", "role": "group_leader", "user_id": self.wh_consultant.id},
            {
                "side": "customer",
                "role": "consultant",
                "customer_contact_id": contact.id,
            },
        )
        for vals in bad:
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Member.create({"project_id": self.project.id, **vals})
        with self.assertRaises(UserError):
            leader.unlink()
        with self.assertRaises(UserError):
            self.env["scm.project.member"].with_user(self.wh_consultant).create(
                {
                    "project_id": self.project.id,
                    "side": "aa",
                    "role": "consultant",
                    "user_id": self.wh_consultant.id,
                }
            )

    def test_project_form_opens_for_the_pm(self):
        with Form(self.project.with_user(self.wh_manager)) as form:
            form.description = "<p>楚风项目说明</p>"
        self.assertIn("楚风项目说明", self.project.description)

    def test_prj_run_10_no_runin_without_contract_period(self):
        """PRJ-RUN-10 / PRJ-SC-07: no period, no run-in; with one, the run-in
        starts once, at initialisation completion, in the elements phase."""
        project = self.make_project(runin_months=0, title="无磨合期合同")
        project._scm_set_phase("elements")
        with self.assertRaises(UserError):
            project._scm_start_runin(self.today())
        self.assertFalse(project.scm_runin_start)
        self.assertEqual(project.scm_phase, "elements")
        self.project._scm_set_phase("elements")
        self.project._scm_start_runin(self.today())
        self.assertEqual(self.project.scm_phase, "runin")
        self.assertEqual(self.project.scm_runin_start, self.today())
        self.assertFalse(self.project._scm_runin_ended())
        with self.assertRaises(UserError):
            self.project._scm_start_runin(self.today())
