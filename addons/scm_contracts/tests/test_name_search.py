"""Name search of contracts (the many2one dropdown and the search box):
by number, title or customer, through one trigram-indexed column
(scm.name.search.mixin), within the record rules."""

from odoo.tests import tagged

from .common import ScmContractsCase


@tagged("post_install", "-at_install")
class TestContractNameSearch(ScmContractsCase):
    def found(self, text, user=None):
        contracts = self.Contract.with_user(user or self.wh_manager)
        return {row[0] for row in contracts.name_search(text, limit=100)}

    def test_con_num_06_found_by_title_customer_and_number(self):
        """CON-NUM-06: a contract is found by a piece of its title, of its
        customer's name and of its number, in any of the manual's variants,
        and follows a renamed customer."""
        contract = self.new_contract(title="楚风二期咨询服务合同")
        self.assertIn(contract.id, self.found("二期咨询"))
        self.assertIn(contract.id, self.found(self.chufeng.name[:2]))
        number = contract.sudo()._scm_assign_number(contract.create_date)
        self.assertIn(contract.id, self.found(number[-7:]))
        self.assertIn(contract.id, self.found(number.lower().replace("-", "－")))
        self.chufeng.sudo().name = "楚天新风服饰"
        self.assertIn(contract.id, self.found("楚天新风"))
        self.assertNotIn(contract.id, self.found("二期咨询xyz"))

    def test_con_num_06_rules_still_apply(self):
        """CON-NUM-06: the name search finds only what the user may read: a
        Beijing consultant does not find a Wuhan contract by its title."""
        contract = self.new_contract(title="武汉保密项目合同")
        self.assertIn(contract.id, self.found("保密项目"))
        self.assertNotIn(
            contract.id, self.found("保密项目", self.users["bj.consultant"])
        )

    def test_partner_name_search_keeps_odoo_fields(self):
        """A partner is still found by name, email, reference and VAT, as in
        Odoo (res.partner._rec_names_search), now from one indexed column."""
        partner = (
            self.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": "江城检索测试",
                    "email": "findme@jiangcheng.example.com",
                    "ref": "JC-REF-77",
                    "vat": "91420100MA4K",
                }
            )
        )
        Partner = self.env["res.partner"]
        for text in ("江城检索", "findme@jiang", "JC-REF-77", "MA4K"):
            self.assertIn(
                partner.id, [row[0] for row in Partner.name_search(text)], text
            )

    def test_dropdown_lists_the_newest_first(self):
        """The dropdown lists the newest matches first by their creation
        date, as the contract list does, not by id (which made PostgreSQL
        walk the whole table at 100,000 contracts, issue 15)."""
        first = self.new_contract(title="排序测试合同 甲")
        second = self.new_contract(title="排序测试合同 乙")
        # Created later than the second one, though with the smaller id
        # (as a contract imported from the old system would be).
        self.env.cr.execute(
            "UPDATE scm_contract SET create_date = create_date + interval '1 day'"
            " WHERE id = %s",
            [first.id],
        )
        self.env.invalidate_all()
        found = [
            row[0]
            for row in self.Contract.with_user(self.wh_manager).name_search(
                "排序测试合同", limit=10
            )
        ]
        self.assertEqual(found[:2], [first.id, second.id])
