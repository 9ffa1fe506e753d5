from datetime import datetime, time, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ScmProjectsCase


@tagged("post_install", "-at_install")
class TestNetworkEquipment(ScmProjectsCase):
    """Network Engineering projects: SUP-EPM-01 states, the equipment
    sign-off list (SUP-EPM-02) and approved equipment changes (SUP-EPM-03)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.net = cls.make_project(
            title="楚风服饰 网络工程合同（测试）",
            contract_type="network",
            amount=120000,
        )
        cls.pm = cls.wh_manager

    # -- helpers -----------------------------------------------------------------
    def add_lines(self, project=None, user=None):
        project = project or self.net
        Equipment = self.env["scm.project.equipment"]
        return self.as_client(Equipment, user or self.pm).create(
            [
                {
                    "project_id": project.id,
                    "name": "核心交换机",
                    "model": "S5720-28X",
                    "quantity": 1,
                    "supplier": "华为",
                },
                {
                    "project_id": project.id,
                    "name": "服务器",
                    "model": "R740",
                    "quantity": 2,
                    "supplier": "戴尔",
                },
            ]
        )

    def initiated(self):
        lines = self.add_lines()
        self.as_client(self.net, self.pm).action_scm_network_initiate()
        return lines

    def arrived(self):
        lines = self.initiated()
        for line in lines:
            self.as_client(line, self.pm).write({"received_on": self.today()})
        self.as_client(self.net, self.pm).action_scm_network_arrive()
        return lines

    def with_serials(self, lines):
        for line in lines:
            serials = "\n".join(f"SN-{line.id}-{i}" for i in range(line.quantity))
            self.as_client(line, self.pm).write({"serial_numbers": serials})

    def signoff(self):
        return self.as_client(
            self.env["scm.project.equipment.signoff"], self.pm
        ).create({"project_id": self.net.id})

    def signed_off(self):
        lines = self.arrived()
        self.with_serials(lines)
        signoff = self.signoff()
        self.as_client(signoff, self.pm)._scm_record_customer_signature(
            "楚风 李主任", self.today(), True
        )
        return signoff

    def change(self, lines_vals, user=None):
        change = self.as_client(
            self.env["scm.project.equipment.change"], user or self.pm
        ).create(
            {
                "project_id": self.net.id,
                "reason": "客户增加一个机房",
                "line_ids": [(0, 0, vals) for vals in lines_vals],
            }
        )
        return change

    # -- SUP-EPM-01 ----------------------------------------------------------------
    def test_sup_epm_01_created_in_initiation_preparation(self):
        """SUP-EPM-01: the core makes an N project in initiation preparation."""
        self.assertEqual(self.net.scm_phase, "initiation_prep")
        self.assertEqual(self.net.scm_contract_type, "network")

    def test_sup_epm_01_initiation_requires_approved_contract(self):
        """SUP-EPM-01: an N project cannot be initiated without an approved
        contract in force."""
        contract = self.net.scm_contract_id
        contract.sudo().write({"stage": "approved"})
        with self.assertRaisesRegex(UserError, "SUP-EPM-01"):
            self.as_client(self.net, self.pm).action_scm_network_initiate()
        self.assertEqual(self.net.scm_phase, "initiation_prep")
        contract.sudo().write({"stage": "effective"})
        self.as_client(self.net, self.pm).action_scm_network_initiate()
        self.assertEqual(self.net.scm_phase, "initiated")
        self.assertEqual(self.net.scm_initiated_date, self.today())
        with self.assertRaises(UserError):
            self.as_client(self.net, self.pm).action_scm_network_initiate()

    def test_sup_epm_01_initiation_roles(self):
        """SUP-EPM-01: the PM or MCD initiates; a consultant, the auditor and
        Beijing cannot; the phase is never written directly."""
        for user in (self.wh_consultant, self.auditor):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(self.net, user).action_scm_network_initiate()
        with self.assertRaises(AccessError):
            self.as_client(self.net, self.bj_manager).action_scm_network_initiate()
        with self.assertRaises(UserError):
            self.as_client(self.net, self.pm).write({"scm_phase": "initiated"})
        with self.assertRaises(UserError):
            self.as_client(self.net, self.pm).write(
                {"scm_equipment_arrived_date": self.today()}
            )
        self.as_client(self.net, self.mcd_manager).action_scm_network_initiate()
        self.assertEqual(self.net.scm_phase, "initiated")

    def test_sup_epm_01_states_only_for_network_projects(self):
        """SUP-EPM-01: the S&C project has no equipment states or lines."""
        with self.assertRaisesRegex(UserError, "Network Engineering"):
            self.as_client(self.project, self.pm).action_scm_network_initiate()
        with self.assertRaises(ValidationError):
            self.add_lines(self.project)

    def test_sup_epm_01_arrived_only_when_every_line_received(self):
        """SUP-EPM-01: "arrived" is set only when all equipment lines are
        received; the sign-off is then due on the PM (SUP-EPM-02)."""
        empty = self.make_project(
            title="汉江 网络工程（测试）",
            contract_type="network",
            partner_id=self.hanjiang.id,
        )
        self.as_client(empty, self.pm).action_scm_network_initiate()
        with self.assertRaisesRegex(UserError, "no equipment"):
            self.as_client(empty, self.pm).action_scm_network_arrive()
        lines = self.initiated()
        self.as_client(lines[0], self.pm).write({"received_on": self.today()})
        with self.assertRaisesRegex(UserError, "not received"):
            self.as_client(self.net, self.pm).action_scm_network_arrive()
        self.assertEqual(self.net.scm_phase, "initiated")
        with self.assertRaises(ValidationError):
            self.as_client(lines[1], self.pm).write(
                {"received_on": self.today() + timedelta(days=3)}
            )
        self.as_client(lines[1], self.pm).write({"received_on": self.today()})
        self.as_client(self.net, self.pm).action_scm_network_arrive()
        self.assertEqual(self.net.scm_phase, "arrived")
        self.assertEqual(self.net.scm_equipment_arrived_date, self.today())

    def test_sup_epm_01_cancel_by_mcd_before_arrival(self):
        """SUP-EPM-01: 撤销 — MCD cancels a project before arrival; the PM
        cannot, and an arrived project is not cancelled."""
        with self.assertRaises(UserError):
            self.as_client(self.net, self.pm).action_scm_network_cancel()
        self.as_client(self.net, self.mcd_manager).action_scm_network_cancel()
        self.assertEqual(self.net.scm_phase, "cancelled")
        with self.assertRaises(UserError):
            self.add_lines()
        other = self.make_project(
            title="汉江 网络工程（测试）",
            contract_type="network",
            partner_id=self.hanjiang.id,
        )
        self.add_lines(other)
        self.as_client(other, self.pm).action_scm_network_initiate()
        for line in other.scm_equipment_ids:
            self.as_client(line, self.pm).write({"received_on": self.today()})
        self.as_client(other, self.pm).action_scm_network_arrive()
        with self.assertRaises(UserError):
            self.as_client(other, self.mcd_manager).action_scm_network_cancel()

    # -- SUP-EPM-02 ------------------------------------------------------------------
    def test_sup_epm_02_signoff_due_arrival_plus_10_wd(self):
        """SUP-EPM-02: sign-off due = arrival + 10 WD, owed by the PM, closed
        by the customer's sealed signature."""
        self.arrived()
        deadline = self.net.scm_deadline_ids.filtered(
            lambda d: d.rule_code == "SUP-EPM-02"
        )
        self.assertEqual(len(deadline), 1)
        self.assertEqual(deadline.user_id, self.pm)
        self.assertEqual(deadline.state, "open")
        expected = self.workday.add_working_days(
            datetime.combine(self.today(), time(4, 0)), 10, self.wuhan
        )
        self.assertEqual(deadline.due_date, expected)
        self.assertGreaterEqual(
            (expected.date() - self.today()).days, 12, "10 WD span two weekends"
        )
        self.with_serials(self.net.scm_equipment_ids)
        signoff = self.signoff()
        self.assertEqual(signoff.due_date, expected)
        self.as_client(signoff, self.pm)._scm_record_customer_signature(
            "楚风 李主任", self.today(), True
        )
        self.assertEqual(deadline.state, "done")

    def test_sup_epm_02_signoff_needs_serials_and_seal(self):
        """SUP-EPM-02: the sign-off list needs serial numbers on every line
        and the customer's seal; only the PM draws it up, after arrival."""
        lines = self.initiated()
        with self.assertRaises(UserError):
            self.signoff()
        for line in lines:
            self.as_client(line, self.pm).write({"received_on": self.today()})
        self.as_client(self.net, self.pm).action_scm_network_arrive()
        with self.assertRaises(UserError):
            self.as_client(
                self.env["scm.project.equipment.signoff"], self.wh_consultant
            ).create({"project_id": self.net.id})
        signoff = self.signoff()
        self.assertTrue(signoff.name.startswith("EQS-"))
        self.as_client(lines[0], self.pm).write({"serial_numbers": "SN-001"})
        with self.assertRaisesRegex(UserError, "serial numbers"):
            self.as_client(signoff, self.pm)._scm_record_customer_signature(
                "楚风 李主任", self.today(), True
            )
        self.as_client(lines[1], self.pm).write({"serial_numbers": "SN-002\nSN-003"})
        with self.assertRaisesRegex(UserError, "seal"):
            self.as_client(signoff, self.pm)._scm_record_customer_signature(
                "楚风 李主任", self.today(), False
            )
        with self.assertRaises(UserError):
            self.as_client(signoff, self.wh_consultant)._scm_record_customer_signature(
                "楚风 李主任", self.today(), True
            )
        # The customer's signature is a step, not a field to write.
        with self.assertRaises(UserError):
            self.as_client(signoff, self.pm).write(
                {"customer_signed_date": self.today(), "state": "signed"}
            )
        self.as_client(signoff, self.pm)._scm_record_customer_signature(
            "楚风 李主任", self.today(), True
        )
        self.assertEqual(signoff.state, "signed")
        self.assertTrue(signoff.customer_sealed)
        # Finance recognises the revenue from it: it holds a copy.
        self.assertEqual(
            signoff.scm_distribution_ids.recipient_department_id,
            self.env.ref("scm_base.dept_finance"),
        )
        # Signed serials no longer change.
        with self.assertRaises(UserError):
            self.as_client(lines[0], self.pm).write({"serial_numbers": "SN-XXX"})

    def test_sup_epm_02_closing_requires_signoff(self):
        """SUP-EPM-02: closing requires the sealed sign-off list with serial
        numbers; edits after closing are refused."""
        lines = self.arrived()
        with self.assertRaisesRegex(UserError, "SUP-EPM-02"):
            self.as_client(self.net, self.pm).action_scm_network_close()
        self.assertTrue(self.net._scm_closing_blockers())
        self.with_serials(lines)
        signoff = self.signoff()
        with self.assertRaises(UserError):
            self.as_client(self.net, self.pm).action_scm_network_close()
        self.as_client(signoff, self.pm)._scm_record_customer_signature(
            "楚风 李主任", self.today(), True
        )
        self.assertEqual(self.net._scm_closing_blockers(), [])
        with self.assertRaises(UserError):
            self.as_client(self.net, self.wh_consultant).action_scm_network_close()
        self.as_client(self.net, self.pm).action_scm_network_close()
        self.assertEqual(self.net.scm_phase, "closed")
        self.assertEqual(self.net.scm_closed_date, self.today())
        # SUP-EPM-02: a closed project accepts no changes.
        with self.assertRaisesRegex(UserError, "closed"):
            self.as_client(lines[0], self.pm).write({"supplier": "思科"})
        with self.assertRaises(UserError):
            self.as_client(signoff, self.pm).write({"note": "补充"})
        with self.assertRaises(UserError):
            self.as_client(self.net, self.pm).write({"description": "<p>补</p>"})
        with self.assertRaises(UserError):
            self.change([{"operation": "add", "name": "防火墙", "quantity": 1}])

    def test_sup_epm_02_signoff_report(self):
        """SUP-EPM-02: the sign-off list prints every device with its serial
        numbers and the customer's signatory."""
        signoff = self.signed_off()
        html, _type = self.as_client(
            self.env["ir.actions.report"], self.pm
        )._render_qweb_html(
            "scm_projects.action_report_scm_project_equipment_signoff", signoff.ids
        )
        html = html.decode()
        self.assertIn("核心交换机", html)
        self.assertIn("楚风 李主任", html)
        for line in self.net.scm_equipment_ids:
            self.assertIn(f"SN-{line.id}-0", html)

    # -- SUP-EPM-03 ------------------------------------------------------------------
    def test_sup_epm_03_direct_edits_refused_after_initiation(self):
        """SUP-EPM-03: an equipment-line change without approval is refused
        (add, modify, remove) once the project is initiated; before, the PM
        lists the equipment freely."""
        lines = self.add_lines()
        self.as_client(lines[0], self.pm).write({"quantity": 2})
        self.as_client(self.net, self.pm).action_scm_network_initiate()
        with self.assertRaisesRegex(UserError, "SUP-EPM-03"):
            self.as_client(lines[0], self.pm).write({"quantity": 3})
        with self.assertRaisesRegex(UserError, "SUP-EPM-03"):
            self.add_lines()
        with self.assertRaisesRegex(UserError, "SUP-EPM-03"):
            self.as_client(lines[1], self.pm).unlink()
        with self.assertRaisesRegex(UserError, "SUP-EPM-03"):
            self.as_client(self.net, self.pm).write(
                {"scm_equipment_ids": [(0, 0, {"name": "路由器", "quantity": 1})]}
            )
        self.assertEqual(len(self.net.scm_equipment_ids), 2)
        self.assertEqual(lines[0].quantity, 2)

    def test_sup_epm_03_change_requested_by_pm_approved_by_mcd(self):
        """SUP-EPM-03: only the PM requests a change, only the MCD manager
        approves it; the approval applies every line."""
        switch, server = self.initiated()
        vals = [
            {"operation": "add", "name": "防火墙", "model": "USG6000", "quantity": 1},
            {"operation": "modify", "equipment_id": server.id, "quantity": 3},
            {"operation": "remove", "equipment_id": switch.id},
        ]
        for user in (self.wh_consultant, self.mcd_manager, self.auditor):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.change(vals, user)
        with self.assertRaises(AccessError):
            self.change(vals, self.bj_manager)
        change = self.change(vals)
        self.assertTrue(change.name.startswith("EQC-"))
        # Nothing takes effect before approval.
        self.as_client(change, self.pm).action_submit()
        self.assertEqual(change.state, "submitted")
        self.assertEqual(server.quantity, 2)
        self.assertTrue(switch.exists())
        with self.assertRaises(UserError):
            self.as_client(change.line_ids[0], self.pm).write({"quantity": 5})
        for user in (self.pm, self.wh_consultant, self.auditor, self.tsms):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(change, user).action_approve()
        with self.assertRaises(UserError):
            self.as_client(change, self.pm).write({"state": "approved"})
        # A pending change blocks the closing.
        self.assertTrue(
            any("SUP-EPM-03" in reason for reason in self.net._scm_closing_blockers())
        )
        self.as_client(change, self.mcd_manager).action_approve()
        self.assertEqual(change.state, "approved")
        self.assertEqual(change.decided_by_id, self.mcd_manager)
        self.assertFalse(switch.exists())
        self.assertEqual(server.quantity, 3)
        added = self.net.scm_equipment_ids - server
        self.assertEqual(added.name, "防火墙")
        self.assertEqual(added.change_id, change)
        self.assertEqual(change.line_ids[2].name, "核心交换机")

    def test_sup_epm_03_rejected_change_changes_nothing(self):
        """SUP-EPM-03: a rejected change leaves the list as it was."""
        switch, server = self.initiated()
        change = self.change([{"operation": "remove", "equipment_id": switch.id}])
        with self.assertRaisesRegex(UserError, "not awaiting"):
            self.as_client(change, self.mcd_manager).action_approve()
        self.as_client(change, self.pm).action_submit()
        self.as_client(change, self.mcd_manager).action_reject()
        self.assertEqual(change.state, "rejected")
        self.assertTrue(switch.exists())
        with self.assertRaises(UserError):
            self.as_client(change, self.mcd_manager).action_approve()

    def test_sup_epm_03_change_after_arrival_waits_for_new_equipment(self):
        """SUP-EPM-03: equipment added to an arrived project must arrive too:
        the project is initiated again until it does; no change after the
        customer signed the sign-off list."""
        self.arrived()
        change = self.change([{"operation": "add", "name": "无线AP", "quantity": 4}])
        self.as_client(change, self.pm).action_submit()
        self.as_client(change, self.mcd_manager).action_approve()
        self.assertEqual(self.net.scm_phase, "initiated")
        self.assertFalse(self.net._scm_deadlines("SUP-EPM-02"))
        new = self.net.scm_equipment_ids.filtered(lambda e: e.name == "无线AP")
        self.as_client(new, self.pm).write({"received_on": self.today()})
        self.as_client(self.net, self.pm).action_scm_network_arrive()
        self.assertEqual(self.net.scm_phase, "arrived")
        self.with_serials(self.net.scm_equipment_ids)
        signoff = self.signoff()
        self.as_client(signoff, self.pm)._scm_record_customer_signature(
            "楚风 李主任", self.today(), True
        )
        with self.assertRaisesRegex(UserError, "sign-off"):
            self.change([{"operation": "add", "name": "UPS", "quantity": 1}])

    def test_sup_epm_03_change_before_initiation_refused(self):
        """SUP-EPM-03: change requests belong to initiated projects; before,
        the list is still being drawn up."""
        self.add_lines()
        with self.assertRaises(UserError):
            self.change([{"operation": "add", "name": "UPS", "quantity": 1}])

    # -- who sees what -------------------------------------------------------------
    def test_network_security_beijing_denied_auditor_reads(self):
        """Beijing sees no Wuhan equipment; the auditor and Finance read it
        and change nothing."""
        lines = self.add_lines()
        Equipment = self.env["scm.project.equipment"]
        with self.assertRaises(AccessError):
            self.as_client(lines, self.bj_manager).read(["name"])
        self.assertFalse(
            self.as_client(Equipment, self.bj_manager).search([("id", "in", lines.ids)])
        )
        for user in (self.auditor, self.finance):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self.as_client(Equipment, user).search([("id", "in", lines.ids)]),
                    lines,
                )
                with self.assertRaises(UserError):
                    self.as_client(lines[0], user).write({"model": "X"})
                with self.assertRaises(UserError):
                    self.add_lines(user=user)
                with self.assertRaises(UserError):
                    self.as_client(lines[0], user).unlink()

    # -- the client -----------------------------------------------------------------
    def test_network_project_form_and_lists_open(self):
        """The PM works the network project in its form: the equipment listed
        inline before initiation, the step buttons, the menus' views."""
        with Form(self.as_client(self.net, self.pm)) as form:
            with form.scm_equipment_ids.new() as line:
                line.name = "防火墙"
                line.model = "USG6000"
                line.quantity = 1
        self.assertEqual(self.net.scm_equipment_ids.name, "防火墙")
        self.assertEqual(self.net.scm_equipment_count, 1)
        for model in (
            "scm.project.equipment",
            "scm.project.equipment.signoff",
            "scm.project.equipment.change",
        ):
            with self.subTest(model=model):
                views = self.as_client(self.env[model], self.pm).get_views(
                    [(False, "list"), (False, "form"), (False, "search")]
                )
                self.assertEqual(set(views["views"]), {"list", "form", "search"})

    def test_sup_epm_03_change_form_modifies_a_line(self):
        """SUP-EPM-03: the PM drafts a change in its form; a modified line
        starts from the equipment as it is and keeps what is not changed."""
        switch, __ = self.initiated()
        Change = self.as_client(self.env["scm.project.equipment.change"], self.pm)
        with Form(Change.with_context(default_project_id=self.net.id)) as form:
            form.reason = "交换机换型号"
            with form.line_ids.new() as line:
                line.operation = "modify"
                line.equipment_id = switch
                self.assertEqual(line.name, "核心交换机")
                line.model = "S6730"
        change = form.record
        self.as_client(change, self.pm).action_submit()
        self.as_client(change, self.mcd_manager).action_approve()
        self.assertEqual(switch.model, "S6730")
        self.assertEqual(switch.name, "核心交换机")
        self.assertEqual(switch.quantity, 1)

    def test_network_security_signoff_and_changes(self):
        """Beijing sees no Wuhan sign-off list or change; the auditor reads
        them and changes nothing; the PM opens the sign-off list from the
        project."""
        signoff = self.signed_off()
        change = self.env["scm.project.equipment.change"].search(
            [("project_id", "=", self.net.id)]
        )
        self.assertFalse(change)
        for record in (signoff, self.net.scm_equipment_ids):
            with self.assertRaises(AccessError):
                self.as_client(record, self.bj_manager).read(["display_name"])
            self.as_client(record, self.auditor).read(["display_name"])
        with self.assertRaises(UserError):
            self.as_client(signoff, self.auditor).write({"note": "审计"})
        action = self.as_client(self.net, self.pm).action_open_scm_signoff()
        self.assertEqual(action["res_id"], signoff.id)
        with Form(self.as_client(signoff, self.pm)) as form:
            self.assertEqual(form.state, "signed")

    def test_sup_epm_03_decision_wizard_and_forged_context(self):
        """SUP-EPM-03: the MCD manager decides in a wizard, a rejection
        states its reason; no context default sets a decision or a state."""
        switch, __ = self.initiated()
        Change = self.env["scm.project.equipment.change"]
        forged = self.as_client(Change, self.pm).with_context(
            default_state="approved", default_decided_by_id=self.mcd_manager.id
        )
        change = forged.create(
            {
                "project_id": self.net.id,
                "reason": "撤掉交换机",
                "line_ids": [
                    (0, 0, {"operation": "remove", "equipment_id": switch.id})
                ],
            }
        )
        self.assertEqual(change.state, "draft")
        self.assertFalse(change.decided_by_id)
        with self.assertRaises(UserError):
            self.as_client(Change, self.pm).create(
                {"project_id": self.net.id, "reason": "x", "state": "approved"}
            )
        self.as_client(change, self.pm).action_submit()
        with self.assertRaises(UserError):
            self.as_client(change, self.pm).action_open_approve()
        action = self.as_client(change, self.mcd_manager).action_open_reject()
        Wizard = self.as_client(
            self.env["scm.project.equipment.change.decision"], self.mcd_manager
        ).with_context(**action["context"])
        with Form(Wizard) as form:
            form.note = "  "
        with self.assertRaisesRegex(UserError, "why"):
            form.record.action_confirm()
        with Form(Wizard) as form:
            form.note = "交换机仍需保留"
        form.record.action_confirm()
        self.assertEqual(change.state, "rejected")
        self.assertEqual(change.decision_note, "交换机仍需保留")
        self.assertTrue(switch.exists())
