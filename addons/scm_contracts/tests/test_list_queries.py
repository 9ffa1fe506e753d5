"""The contract list costs as many queries for 30 rows as for 3.

The list opens as the web client does after login (listing.py) as a Wuhan
consultant, the Wuhan branch manager and the MSD Manager at HQ. Its rows mix
drafts with a payment schedule, contracts under approval and contracts in
force with an overdue payment milestone: the row turns red on
`collection_overdue` and the deadline columns read the approval's deadlines."""

from datetime import timedelta
from itertools import count

from odoo.tests import tagged

from odoo.addons.scm_base.tests.listing import assert_constant_list_queries

from .common import ScmContractsCase

CONTRACTS = "scm_contracts.action_scm_contract"
AMOUNT = 395000


@tagged("post_install", "-at_install")
class TestContractListQueries(ScmContractsCase):
    def setUp(self):
        super().setUp()
        self.serial = count(1)
        self.overdue = self.Contract.browse()

    def milestones(self, first_due, second_due):
        return [
            (
                0,
                0,
                {
                    "name": "签约付50%",
                    "amount": AMOUNT / 2,
                    "trigger": "date",
                    "due_date": first_due,
                },
            ),
            (
                0,
                0,
                {
                    "name": "验收付50%",
                    "amount": AMOUNT / 2,
                    "trigger": "date",
                    "due_date": second_due,
                },
            ),
        ]

    def make_contracts(self, number):
        """Wuhan S&C contracts in turn: a draft with its payment schedule,
        one submitted to HQ (under approval), one in force whose first
        milestone is a month overdue. The one in force is created as it is
        (sudo) rather than taken through the whole signing story."""
        today = self.today()
        drafter = self.Contract.with_user(self.wh_manager).sudo()
        for _index in range(number):
            serial = next(self.serial)
            kind = serial % 3
            if kind == 0:
                values = self.sc_values(
                    amount=AMOUNT,
                    milestone_ids=self.milestones(
                        today - timedelta(days=30), today + timedelta(days=90)
                    ),
                    stage="effective",
                    state="approved",
                    number=f"SCMSC-{today.year}{900 + serial:03d}",
                    effective_date=today - timedelta(days=60),
                )
            else:
                values = self.sc_values(
                    amount=AMOUNT,
                    milestone_ids=self.milestones(
                        today + timedelta(days=30), today + timedelta(days=120)
                    ),
                )
            contract = drafter.create(values)
            if kind == 1:
                self.submit(contract)
            elif kind == 0:
                self.overdue |= contract
        self.assertEqual(
            self.Contract.search(
                [("id", "in", self.overdue.ids), ("collection_overdue", "=", True)]
            ),
            self.overdue,
            "the contracts in force have an overdue milestone",
        )

    def test_contract_list_consultant(self):
        """Contracts as the Wuhan consultant (the branch's contracts)."""
        assert_constant_list_queries(
            self, CONTRACTS, self.users["wh.consultant"], self.make_contracts
        )

    def test_contract_list_branch_manager(self):
        """Contracts as the Wuhan branch manager."""
        assert_constant_list_queries(
            self, CONTRACTS, self.wh_manager, self.make_contracts
        )

    def test_contract_list_hq(self):
        """Contracts as the MSD Manager at HQ (every branch's contracts)."""
        assert_constant_list_queries(
            self, CONTRACTS, self.msd_manager, self.make_contracts
        )
