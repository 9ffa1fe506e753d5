import re
import threading
import uuid
from datetime import datetime

from freezegun import freeze_time
from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.scm_base.tests.common import china_today

from .common import ScmContractsCase


@tagged("post_install", "-at_install")
class TestContractNumbering(ScmContractsCase):
    def draft(self, **vals):
        """A contract as the superuser, to number it directly."""
        values = self.sc_values(**vals)
        return self.Contract.sudo().create(values)

    def test_con_num_01_02_format_per_branch_and_hq(self):
        """CON-NUM-01/02: SCMS + letter + branch code + '-' + year + serial;
        HQ has no code: the first Xi'an S&C of 2001 is SCMSCXA-2001001, the
        first HQ brand contract SCMSP-2001001."""
        when = datetime(2001, 6, 1, 4, 0)
        xian = self.env.ref("scm_base.company_xa")
        state = xian.scm_province_ids[:1]
        customer = self.Partner.sudo().create(
            self.customer_values(
                name="西安长安服饰", state_id=state.id, company_id=xian.id
            )
        )
        xa = self.draft(company_id=xian.id, partner_id=customer.id, proposal_id=False)
        self.assertEqual(xa._scm_assign_number(when), "SCMSCXA-2001001")
        hq_brand = self.draft(
            contract_type="brand",
            company_id=self.hq.id,
            partner_id=self.lingnan.id,
            proposal_id=False,
            template_id=self.env.ref("scm_contracts.template_brand").id,
        )
        self.assertEqual(hq_brand._scm_assign_number(when), "SCMSP-2001001")
        for contract in (xa, hq_brand):
            self.assertRegex(contract.number, r"^SCMS[CJRPN][A-Z]{0,4}-\d{4}\d{3}$")
        wh = self.draft()
        self.assertEqual(wh._scm_assign_number(when), "SCMSCWH-2001001")

    def test_con_num_03_network_contract_with_unit_code(self):
        """CON-NUM-03 / CON-NET-01: a network contract of the unit DS signed in
        1999 is SCMSNDS-1999001."""
        contract = self.draft(
            contract_type="network",
            company_id=self.hq.id,
            partner_id=self.lingnan.id,
            proposal_id=False,
            numbering_department_id=self.env.ref("scm_base.dept_software").id,
            template_id=self.env.ref("scm_contracts.template_network").id,
        )
        self.assertEqual(contract.type_letter, "N")
        number = contract._scm_assign_number(datetime(1999, 3, 1, 4, 0))
        self.assertEqual(number, "SCMSNDS-1999001")

    def test_con_num_04_consecutive_no_gap_never_deleted(self):
        """CON-NUM-04: serials within a key are consecutive, restart each
        year, a numbered contract is never deleted and the gap report
        finds none."""
        when = datetime(2032, 2, 1, 4, 0)
        numbers = [self.draft()._scm_assign_number(when) for _i in range(3)]
        self.assertEqual(
            numbers, ["SCMSCWH-2032001", "SCMSCWH-2032002", "SCMSCWH-2032003"]
        )
        next_year = self.draft()._scm_assign_number(datetime(2033, 1, 5, 4, 0))
        self.assertEqual(next_year, "SCMSCWH-2033001")
        numbering = self.env["scm.numbering"].search([("key", "=", "SCMSCWH-2032")])
        self.assertEqual(numbering.gap_count, 0)
        self.assertEqual(numbering.issued_count, 3)
        numbered = self.Contract.search([("number", "=", "SCMSCWH-2032002")])
        with self.assertRaises(UserError):
            numbered.with_user(self.wh_manager).unlink()
        with self.assertRaises(UserError):
            numbered.sudo().unlink()
        self.assertTrue(numbered.exists())
        with self.assertRaises(UserError):
            numbered.sudo().write({"number": "SCMSCWH-2032009"})
        self.assertEqual(numbered.number, "SCMSCWH-2032002")

    def test_con_num_05_assigned_once_at_print(self):
        """CON-NUM-05: the number is assigned when the original is printed,
        with that year, and kept when the customer signs in the next year,
        which is flagged for review."""
        contract = self.new_contract()
        with freeze_time("2034-12-30 02:00:00"):
            self.approved(contract)
            self.assertFalse(contract.number)
            contract.with_user(self.msd_manager).action_print_original()
            number = contract.number
            self.assertEqual(number, "SCMSCWH-2034001")
            contract.with_user(self.finance)._scm_register("CW-1", china_today())
            contract.with_user(self.msd_manager).action_send_to_branch()
            contract.with_user(self.wh_manager).action_sign_aa()
        with freeze_time("2035-01-04 02:00:00"):
            contract.with_user(self.wh_manager)._scm_record_customer_signature(
                "张总", china_today(), True
            )
        self.assertEqual(contract.number, number)
        self.assertTrue(contract.number_year_mismatch)
        self.assertIn(
            contract, self.Contract.search([("number_year_mismatch", "=", True)])
        )

    def test_con_num_05_an_unnumbered_original_never_renders(self):
        """CON-NUM-05: an original without its number does not render, whatever
        data the request gives; only the print renders it, as a check just
        before it issues the number."""
        contract = self.draft()
        report = contract._scm_final_report()
        for data in (None, {"scm_number_pending": True}, {"scm_number_pending": "1"}):
            # The refusal names the contract, in the user's language.
            with self.assertRaisesRegex(UserError, re.escape(contract.display_name)):
                self.env["ir.actions.report"]._render_qweb_html(
                    report.report_name, contract.ids, data=data
                )

    def test_con_num_06_search_tolerates_the_variants(self):
        """CON-NUM-06: generated numbers have no spaces or full-width
        characters; searching with the manual's variants finds them."""
        contract = self.draft()
        number = contract._scm_assign_number(datetime(2036, 5, 1, 4, 0))
        self.assertNotIn(" ", number)
        self.assertNotIn("－", number)
        for variant in ("SCMSCWH- 2036001", "SCMSCWH－2036001", "scmscwh-2036001"):
            self.assertEqual(
                self.Contract.search([("number", "=", variant)]), contract, variant
            )
            self.assertIn(
                contract.id,
                [r[0] for r in self.Contract.name_search(variant, limit=10)],
            )

    def test_con_num_07_new_branch_numbers_at_once(self):
        """CON-NUM-07: a new branch SZ numbers its first 2025 C contract
        SCMSCSZ-2025001; the 999th is the last of a key."""
        guangdong = self.env.ref("base.state_cn_GD")
        shenzhen = (
            self.env["res.company"]
            .sudo()
            .create(
                {
                    "name": "深圳分公司",
                    "parent_id": self.hq.id,
                    "scm_code": "SZ",
                    "scm_province_ids": [(6, 0, guangdong.ids)],
                }
            )
        )
        customer = self.Partner.sudo().create(
            self.customer_values(
                name="深圳南山服饰", state_id=guangdong.id, company_id=shenzhen.id
            )
        )
        contract = self.draft(
            company_id=shenzhen.id, partner_id=customer.id, proposal_id=False
        )
        self.assertEqual(
            contract._scm_assign_number(datetime(2025, 4, 1, 4, 0)), "SCMSCSZ-2025001"
        )
        numbering = self.env["scm.numbering"].search([("key", "=", "SCMSCSZ-2025")])
        # The 999th number has been issued: the key is used up.
        self.env["scm.numbering.issue"].sudo().create(
            {"numbering_id": numbering.id, "serial": 999, "number": "SCMSCSZ-2025999"}
        )
        full = self.draft(
            company_id=shenzhen.id, partner_id=customer.id, proposal_id=False
        )
        with self.assertRaises(UserError):
            full._scm_assign_number(datetime(2025, 6, 1, 4, 0))

    def test_bad_type_letter_is_refused(self):
        """CON-TYPE-01: the type is one of five; its letter derives from it."""
        with self.assertRaises(UserError):
            self.new_contract(contract_type="x")
        self.assertFalse(self.Contract.search([("contract_type", "=", "x")]))
        letters = {
            t: self.Contract.new({"contract_type": t}).type_letter
            for t in ("sc", "secondary", "tech_service", "brand", "network")
        }
        self.assertEqual(
            letters,
            {
                "sc": "C",
                "secondary": "R",
                "tech_service": "J",
                "brand": "P",
                "network": "N",
            },
        )


@tagged("post_install", "-at_install")
class TestContractNumberingConcurrency(TransactionCase):
    """CON-NUM-04: two users print originals of the same key at once."""

    def setUp(self):
        super().setUp()
        self.year = 2090 + int(uuid.uuid4().int % 9)
        self.key = f"SCMSCWH-{self.year}"
        with self.registry.cursor() as cr:
            env = self._env(cr)
            base = {
                "title": "并发测试合同",
                "contract_type": "sc",
                "company_id": env.ref("scm_base.company_wh").id,
                "partner_id": env.ref("scm_sales.partner_wh_chufeng").id,
                "amount": 100000,
            }
            self.contract_ids = env["scm.contract"].create([base, base]).ids
        self.addCleanup(self._purge)

    def _env(self, cr):
        cr.transaction = cr.transaction or api.Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, {})

    def _purge(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM scm_numbering_issue WHERE numbering_id IN "
                "(SELECT id FROM scm_numbering WHERE key = %s)",
                [self.key],
            )
            cr.execute("DELETE FROM scm_numbering WHERE key = %s", [self.key])
            ids = tuple(self.contract_ids)
            # What the contracts' creation left on them (chatter, followers,
            # the drafter's to-do), which would outlive them in the database.
            cr.execute(
                "DELETE FROM mail_message "
                "WHERE model = 'scm.contract' AND res_id IN %s",
                [ids],
            )
            cr.execute(
                "DELETE FROM mail_followers "
                "WHERE res_model = 'scm.contract' AND res_id IN %s",
                [ids],
            )
            cr.execute(
                "DELETE FROM mail_activity "
                "WHERE res_model = 'scm.contract' AND res_id IN %s",
                [ids],
            )
            cr.execute("DELETE FROM scm_contract WHERE id IN %s", [ids])

    def _number(self, cr, contract_id):
        env = self._env(cr)
        contract = env["scm.contract"].browse(contract_id)
        return contract._scm_assign_number(datetime(self.year, 5, 1, 4, 0))

    def _number_with_retry(self, contract_id, results):
        for _attempt in range(5):
            with self.registry.cursor() as cr, mute_logger("odoo.sql_db"):
                try:
                    results.append(self._number(cr, contract_id))
                    return
                except errors.SerializationFailure:
                    cr.rollback()
                    results.append("retry")
        results.append("gave up")

    def test_con_num_04_two_concurrent_prints_no_duplicate_no_gap(self):
        """CON-NUM-04: concurrent numbering in one key never produces a
        duplicate, and the serials stay consecutive."""
        first_id, second_id = self.contract_ids
        results = []
        with self.registry.cursor() as first_cr:
            first = self._number(first_cr, first_id)
            thread = threading.Thread(
                target=self._number_with_retry, args=(second_id, results)
            )
            thread.start()
            thread.join(timeout=2)
            self.assertTrue(thread.is_alive(), "the second print waits for the first")
            first_cr.commit()
        thread.join(timeout=30)
        self.assertFalse(thread.is_alive())
        self.assertEqual(first, f"{self.key}001")
        self.assertEqual(results[-1], f"{self.key}002")
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT number FROM scm_contract WHERE id IN %s ORDER BY number",
                [tuple(self.contract_ids)],
            )
            self.assertEqual(
                [row[0] for row in cr.fetchall()], [f"{self.key}001", f"{self.key}002"]
            )
