from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ScmSalesCase

# SAL-PROD-01: edition -> (former name, standard, HQ+branch, direct POS, franchise POS)
EDITIONS = {
    "mini": ("原小企业版", False, False, False, False),
    "standard": ("原标准版", True, False, False, False),
    "direct": ("原标准版 + 直营店POS", True, False, True, False),
    "franchise": ("原标准版 + 加盟店POS", True, False, False, True),
    "direct_franchise": ("原标准版 + 直营店POS + 加盟店POS", True, False, True, True),
    "group": ("原总公司 + 分公司", False, True, False, False),
    "franchise_group": ("原总公司 + 分公司 + 加盟店POS", False, True, False, True),
    "comprehensive": (
        "原总公司 + 分公司 + 直营店POS + 加盟店POS",
        False,
        True,
        True,
        True,
    ),
}


@tagged("post_install", "-at_install")
class TestMarketProduct(ScmSalesCase):
    def test_sal_prod_01_industry_star_editions(self):
        """SAL-PROD-01: the product master holds the 8 Industry Star editions
        with their former names and component flags."""
        star = self.env.ref("scm_sales.product_series_industry_star")
        self.assertEqual(len(star.product_tmpl_ids), 8)
        self.assertEqual(star.edition_count, 8)
        for key, (former, std, hq, direct, franchise) in EDITIONS.items():
            edition = self.env.ref(f"scm_sales.product_star_{key}")
            self.assertEqual(edition.scm_series_id, star)
            self.assertEqual(edition.scm_former_name, former)
            self.assertEqual(
                (
                    edition.scm_has_standard,
                    edition.scm_has_hq_branch,
                    edition.scm_has_direct_pos,
                    edition.scm_has_franchise_pos,
                ),
                (std, hq, direct, franchise),
                key,
            )

    def test_sal_prod_02_management_nova_provisional(self):
        """SAL-PROD-02: the Management Nova series is provisional and takes
        editions later."""
        nova = self.env.ref("scm_sales.product_series_management_nova")
        self.assertEqual(nova.status, "provisional")
        self.assertFalse(nova.product_tmpl_ids)
        edition = self.env["product.template"].create(
            {
                "name": "管理新星 标准版",
                "scm_series_id": nova.id,
                "scm_has_standard": True,
            }
        )
        self.assertEqual(nova.product_tmpl_ids, edition)

    def test_sal_prod_bad_components_rejected(self):
        """Bad input: an edition has one base, a POS needs a base, and
        components need a series."""
        star = self.env.ref("scm_sales.product_series_industry_star")
        Product = self.env["product.template"]
        for values in (
            {
                "scm_has_standard": True,
                "scm_has_hq_branch": True,
                "scm_series_id": star.id,
            },
            {"scm_has_direct_pos": True, "scm_series_id": star.id},
            {"scm_has_standard": True},
        ):
            with self.assertRaises(ValidationError):
                Product.create({"name": "错误版本", **values})
        with self.assertRaises(ValidationError):
            self.env.ref("scm_sales.product_star_mini").write(
                {"scm_has_franchise_pos": True}
            )

    def test_sal_prod_series_access(self):
        """Every user reads the series; only the MSD Manager maintains it."""
        from odoo.exceptions import AccessError

        nova = self.env.ref("scm_sales.product_series_management_nova")
        self.assertTrue(nova.with_user(self.users["wh.consultant"]).name)
        with self.assertRaises(AccessError):
            nova.with_user(self.users["wh.consultant"]).write({"status": "released"})
        nova.with_user(self.users["msd.manager"]).write({"status": "released"})
        self.assertEqual(nova.status, "released")


@tagged("post_install", "-at_install")
class TestMarketViews(ScmSalesCase):
    def test_market_views_load_for_the_roles(self):
        """Every form, list and search view of the area loads for the roles
        that use it (the approval buttons are injected into the plan form)."""
        models = (
            "scm.partnership.plan",
            "scm.partnership.chain",
            "scm.partnership.contact",
            "scm.partnership.agreement",
            "scm.competitor",
            "scm.competitor.meeting",
            "scm.competitor.analysis",
            "scm.competitor.intel",
            "scm.competitor.report",
            "scm.product.series",
        )
        for login in ("msd.manager", "msd.channel", "mc.manager", "audit.staff"):
            user = self.users[login]
            for model in models:
                for view_type in ("form", "list", "search"):
                    arch = self.env[model].with_user(user).get_view(view_type=view_type)
                    self.assertTrue(arch["arch"], f"{model} {view_type} for {login}")
        plan_form = self.env["scm.partnership.plan"].get_view(view_type="form")["arch"]
        if isinstance(plan_form, bytes):
            plan_form = plan_form.decode()
        self.assertIn("action_scm_submit", plan_form)

    def test_market_competitor_list_constant_queries(self):
        """The competitor list reads in a constant number of queries."""
        Competitor = self.env["scm.competitor"].with_user(self.users["msd.manager"])
        fields_list = ["name", "region", "in_scope", "status", "intel_count"]
        Competitor.create([{"name": f"对手{i}"} for i in range(3)])
        # Warm up access rights and rules.
        Competitor.search([]).read(fields_list)
        records = Competitor.search([])
        records.invalidate_model()
        queries_before = self.cr.sql_log_count
        records.read(fields_list)
        small = self.cr.sql_log_count - queries_before
        Competitor.create([{"name": f"对手X{i}"} for i in range(10)])
        records = Competitor.search([])
        records.invalidate_model()
        queries_before = self.cr.sql_log_count
        records.read(fields_list)
        large = self.cr.sql_log_count - queries_before
        self.assertEqual(small, large)
