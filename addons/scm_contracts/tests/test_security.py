from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ScmContractsCase


@tagged("post_install", "-at_install")
class TestContractAccess(ScmContractsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls.Contract.with_user(cls.users["wh.manager"]).create(
            {
                "title": "楚风服饰 SCMS 企业管理改造合同",
                "contract_type": "sc",
                "company_id": cls.wuhan.id,
                "partner_id": cls.chufeng.id,
                "proposal_id": cls.proposal.id,
                "amount": 395000,
                "free_modification": "provided",
                "runin_months": 3,
                "post_runin_charging": "按年收取维护费。",
                "milestone_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "签约付100%",
                            "amount": 395000,
                            "trigger": "signature",
                        },
                    )
                ],
            }
        )

    def test_beijing_cannot_read_a_wuhan_contract(self):
        """Branch isolation: Beijing users neither see nor read Wuhan's
        contracts or their payment schedules."""
        for login in ("bj.manager", "bj.consultant"):
            user = self.users[login]
            self.assertFalse(
                self.Contract.with_user(user).search([("id", "=", self.contract.id)])
            )
            with self.assertRaises(AccessError):
                self.contract.with_user(user).read(["title"])
            with self.assertRaises(AccessError):
                self.contract.milestone_ids.with_user(user).read(["amount"])
        self.assertTrue(
            self.Contract.with_user(self.users["wh.consultant"]).search(
                [("id", "=", self.contract.id)]
            )
        )

    def test_hq_roles_and_audit_read_all_audit_writes_nothing(self):
        """HQ roles (MSD, Market Center, President, Finance) and the Audit
        Dept read every branch's contracts; audit cannot change them."""
        for login in (
            "msd.manager",
            "mc.manager",
            "president",
            "finance.staff",
            "audit.staff",
        ):
            found = self.Contract.with_user(self.users[login]).search(
                [("id", "=", self.contract.id)]
            )
            self.assertEqual(found, self.contract, login)
        auditor = self.users["audit.staff"]
        with self.assertRaises(AccessError):
            self.contract.with_user(auditor).write({"title": "改"})
        with self.assertRaises(AccessError):
            self.Contract.with_user(auditor).create(self.sc_values())
        with self.assertRaises(AccessError):
            self.contract.with_user(auditor).unlink()

    def test_who_drafts_and_submits(self):
        """A branch drafts its own contracts only; the Branch Manager submits
        them; Finance and audit draft none."""
        consultant = self.users["wh.consultant"]
        draft = self.Contract.with_user(consultant).create(self.sc_values())
        self.check_clauses(draft, consultant)
        with self.assertRaises(AccessError):
            draft.with_user(consultant).action_scm_submit()
        with self.assertRaises(UserError):
            self.Contract.with_user(self.bj_manager).create(self.sc_values())
        with self.assertRaises(AccessError):
            self.Contract.with_user(self.finance).create(self.sc_values())
        self.assertEqual(draft.stage, "draft")

    def test_finance_registers_and_a_branch_cannot(self):
        """Finance records the registration; branch roles cannot."""
        self.printed(self.contract)
        with self.assertRaises(AccessError):
            self.contract.with_user(self.wh_manager)._scm_register(
                "CW-1", self.printed_day(self.contract)
            )
        self.assertEqual(self.contract.stage, "printed")
        self.contract.with_user(self.finance)._scm_register(
            "CW-1", self.printed_day(self.contract)
        )
        self.assertEqual(self.contract.registered_by_id, self.finance)

    def test_branch_manager_cannot_give_the_final_approval(self):
        """CON-GEN-02: the branch manager is never an approver."""
        self.submit(self.contract)
        with self.assertRaises(UserError):
            self.approve(self.contract, self.wh_manager)
        self.assertEqual(self.contract.state, "to_approve")
        self.approve(self.contract, self.mc_manager)
        self.assertEqual(self.contract.state, "approved")

    def test_contract_list_queries_do_not_grow(self):
        """The contract list reads in a constant number of queries."""
        user = self.msd_manager
        fields_list = [
            name
            for name in (
                "number",
                "title",
                "contract_type",
                "partner_id",
                "company_id",
                "contract_class",
                "amount",
                "amount_outstanding",
                "effective_date",
                "scm_deadline_overdue",
                "collection_overdue",
                "stage",
            )
        ]

        def read_list():
            self.env.invalidate_all()
            self.Contract.with_user(user).search_read([], fields_list, limit=80)

        for _i in range(3):
            self.Contract.with_user(self.wh_manager).create(self.sc_values())
        read_list()
        with self.assertQueryCount(__system__=40):
            read_list()
        for _i in range(6):
            self.Contract.with_user(self.wh_manager).create(self.sc_values())
        with self.assertQueryCount(__system__=40):
            read_list()
