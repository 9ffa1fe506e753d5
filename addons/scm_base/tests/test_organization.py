"""Organization tests for scm_base: units, aliases, working groups, branches,
territories and the role catalogue (REQUIREMENTS.md section 1, ORG-UNIT-*,
ORG-BR-*, ORG-AREA-01, ORG-ROLE-*)."""

from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import html2plaintext, mute_logger

from .common import china_today

BRANCHES = {
    # xmlid: (code, province xmlids)
    "company_bj": ("BJ", {"base.state_cn_BJ", "base.state_cn_HE", "base.state_cn_TJ"}),
    "company_wx": ("WX", {"base.state_cn_JS"}),
    "company_wh": ("WH", {"base.state_cn_HB"}),
    "company_wz": ("WZ", {"base.state_cn_ZJ"}),
    "company_xa": (
        "XA",
        {
            "base.state_cn_SN",
            "base.state_cn_GS",
            "base.state_cn_NX",
            "base.state_cn_QH",
        },
    ),
    "company_cq": ("CQ", {"base.state_cn_CQ", "base.state_cn_SC"}),
}

# A representative list of the role groups of security/scm_base_security.xml.
ROLE_GROUPS = [
    "group_scm_user",
    "group_branch_staff",
    "group_hq_staff",
    "group_unit_manager",
    "group_president",
    "group_office_meeting",
    "group_leader_in_charge",
    "group_mc_manager",
    "group_msd_manager",
    "group_msd_presales",
    "group_msd_channel",
    "group_msd_product",
    "group_msd_archivist",
    "group_cc_manager",
    "group_mcd_manager",
    "group_consultant",
    "group_tsms",
    "group_mrd_manager",
    "group_mrd_lead",
    "group_mrd_analyst",
    "group_sc_manager",
    "group_auditor",
    "group_sw_manager",
    "group_sw_lead",
    "group_sw_developer",
    "group_qc_manager",
    "group_qc_engineer",
    "group_finance",
    "group_brand_manager",
    "group_brand_designer",
    "group_branch_manager",
    "group_attendance_admin",
    "group_branch_liaison",
    "group_service_staff",
    "group_training_manager",
    "group_training_specialist",
    "group_scm_admin",
]


@tagged("post_install", "-at_install")
class TestOrganization(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.Company = cls.env["res.company"]
        cls.Dept = cls.env["hr.department"]
        cls.State = cls.env["res.country.state"]
        cls.hq = ref("base.main_company")
        cls.branches = {xmlid: ref(f"scm_base.{xmlid}") for xmlid in BRANCHES}
        cls.company_wx = cls.branches["company_wx"]
        cls.company_wh = cls.branches["company_wh"]
        cls.company_xa = cls.branches["company_xa"]
        cls.state_js = ref("base.state_cn_JS")
        cls.state_hb = ref("base.state_cn_HB")
        cls.state_gd = ref("base.state_cn_GD")
        cls.state_fj = ref("base.state_cn_FJ")
        cls.dept = {
            name: ref(f"scm_base.dept_{name}")
            for name in (
                "market_center",
                "msd",
                "customer_center",
                "mcd",
                "mrd",
                "supervision_center",
                "audit",
                "software",
                "qc",
                "finance",
                "brand",
                "training",
                "office_meeting",
            )
        }

    def _new_branch_vals(self, **vals):
        values = {"name": "深圳分公司", "parent_id": self.hq.id, "scm_code": "SZ"}
        values.update(vals)
        return values

    def _fresh(self, records):
        """Re-read records from the database (no stale cache)."""
        self.env.invalidate_all()
        return records.browse(records.ids)

    # ------------------------------------------------------------------
    # ORG-UNIT-01 company structure
    # ------------------------------------------------------------------
    def test_org_unit_01_single_hq_root(self):
        """ORG-UNIT-01: exactly one HQ root company, base.main_company, typed 'hq'."""
        roots = self.Company.search([("parent_id", "=", False)])
        self.assertEqual(roots, self.hq, "The org tree must have exactly one root: HQ.")
        self.assertEqual(self.hq.scm_unit_type, "hq")
        self.assertEqual(self.Company._scm_hq(), self.hq)
        self.assertEqual(
            self.Company.search([("scm_unit_type", "=", "hq")]),
            self.hq,
            "Only HQ has the unit type 'hq'.",
        )

    def test_org_unit_01_branches_under_hq(self):
        """ORG-UNIT-01: every branch company's parent is HQ and its type is 'branch'."""
        children = self.Company.search([("parent_id", "!=", False)])
        self.assertTrue(set(self.branches.values()) <= set(children))
        for company in children:
            self.assertEqual(company.parent_id, self.hq, company.name)
            self.assertEqual(company.scm_unit_type, "branch", company.name)
        for branch in self.branches.values():
            self.assertEqual(branch.parent_id, self.hq)
            self.assertEqual(branch.scm_unit_type, "branch")
        self.assertEqual(self.hq.scm_branch_count, len(self.hq.child_ids))
        self.assertGreaterEqual(self.hq.scm_branch_count, 6)

    def test_org_unit_01_branch_cannot_sit_under_branch(self):
        """ORG-UNIT-01: every branch's parent is HQ, so a company placed under a
        branch (a sub-branch) is refused."""
        with self.assertRaises(UserError):
            self.Company.create(
                self._new_branch_vals(
                    name="汉口分公司", scm_code="HK", parent_id=self.company_wh.id
                )
            )
        self.assertFalse(self.Company.search([("scm_code", "=", "HK")]))
        with self.assertRaises(UserError):
            self.company_wx.parent_id = self.company_wh
        self.assertEqual(self._fresh(self.company_wx).parent_id, self.hq)

    def test_org_unit_01_departments_under_center_or_hq(self):
        """ORG-UNIT-01: every seeded scm department has no parent (directly under
        HQ) or a parent whose unit type is 'center'."""
        data = self.env["ir.model.data"].search(
            [("module", "=", "scm_base"), ("model", "=", "hr.department")]
        )
        depts = self.Dept.browse(data.mapped("res_id"))
        self.assertGreaterEqual(len(depts), 13)
        self.assertTrue(all(name.startswith("dept_") for name in data.mapped("name")))
        for dept in depts:
            self.assertEqual(dept.company_id, self.hq, dept.name)
            if dept.parent_id:
                self.assertEqual(dept.parent_id.scm_unit_type, "center", dept.name)
        self.assertEqual(
            set(
                self.Dept.browse([d.id for d in self.dept.values()]).mapped(
                    "scm_unit_type"
                )
            ),
            {"center", "department", "decision"},
        )

    def test_org_unit_01_department_under_non_center_refused(self):
        """ORG-UNIT-01: placing a department under a department or a decision
        body raises ValidationError and leaves the tree unchanged."""
        qc = self.dept["qc"]
        with self.assertRaises(ValidationError):
            qc.parent_id = self.dept["msd"]
        with self.assertRaises(ValidationError):
            qc.write({"parent_id": self.dept["office_meeting"].id})
        with self.assertRaises(ValidationError):
            self.Dept.create(
                {
                    "name": "Sub-unit of Finance",
                    "company_id": self.hq.id,
                    "parent_id": self.dept["finance"].id,
                }
            )
        self.assertFalse(self._fresh(qc).parent_id)
        self.assertFalse(self.Dept.search([("name", "=", "Sub-unit of Finance")]))
        # Under a center it is accepted.
        new = self.Dept.create(
            {
                "name": "Other Market Dept",
                "company_id": self.hq.id,
                "parent_id": self.dept["market_center"].id,
            }
        )
        self.assertEqual(new.parent_id, self.dept["market_center"])

    def test_org_unit_01_branch_departments_are_free(self):
        """ORG-UNIT-01: the center/department tree binds HQ's units only; a
        branch may nest its own HR departments."""
        sales = self.Dept.create(
            {"name": "武汉销售组", "company_id": self.company_wh.id}
        )
        team = self.Dept.create(
            {
                "name": "武汉销售一组",
                "company_id": self.company_wh.id,
                "parent_id": sales.id,
            }
        )
        self.assertEqual(team.parent_id, sales)

    def test_org_unit_01_center_with_departments_keeps_center_type(self):
        """ORG-UNIT-01: a center that holds departments cannot be re-typed as a
        department, otherwise its departments would sit under a non-center."""
        center = self.dept["market_center"]
        with self.assertRaises(ValidationError):
            center.scm_unit_type = "department"
        self.assertEqual(self._fresh(center).scm_unit_type, "center")
        for dept in self.Dept.search([("parent_id", "!=", False)]).filtered(
            lambda d: d in self.dept.values()
        ):
            self.assertEqual(dept.parent_id.scm_unit_type, "center")

    # ------------------------------------------------------------------
    # ORG-UNIT-02 HQ centers and departments
    # ------------------------------------------------------------------
    def test_org_unit_02_seeded_units_and_parents(self):
        """ORG-UNIT-02: MSD under the Market Center, MCD and MRD under the
        Customer Center, Audit under the Supervision Center; Software, QC,
        Finance, Brand Operation and Training directly under HQ."""
        d = self.dept
        expected_parent = {
            "msd": d["market_center"],
            "mcd": d["customer_center"],
            "mrd": d["customer_center"],
            "audit": d["supervision_center"],
        }
        for name, parent in expected_parent.items():
            self.assertEqual(d[name].parent_id, parent, name)
            self.assertEqual(d[name].scm_unit_type, "department", name)
        for name in ("market_center", "customer_center", "supervision_center"):
            self.assertFalse(d[name].parent_id, name)
            self.assertEqual(d[name].scm_unit_type, "center", name)
        for name in ("software", "qc", "finance", "brand", "training"):
            self.assertFalse(d[name].parent_id, f"{name} sits directly under HQ")
            self.assertEqual(d[name].scm_unit_type, "department", name)
            self.assertEqual(d[name].company_id, self.hq)
        self.assertEqual(d["office_meeting"].scm_unit_type, "decision")
        self.assertFalse(d["office_meeting"].parent_id)
        self.assertEqual(d["software"].scm_code, "DS")

    def test_org_unit_02_unit_resolves_to_manager_user(self):
        """ORG-UNIT-02: an approval step naming a unit resolves to that unit's
        manager user (demo: msd.manager manages MSD)."""
        msd_manager = self.env.ref("scm_base.user_msd_manager")
        self.assertEqual(
            self.Dept._scm_resolve("市场营销部")._scm_manager_user(), msd_manager
        )
        self.assertEqual(self.dept["msd"]._scm_manager_user(), msd_manager)
        self.assertEqual(
            self.Dept._scm_resolve("Market & Sales Dept")._scm_manager_user(),
            msd_manager,
        )
        self.assertEqual(
            self.Dept._scm_resolve("客户中心")._scm_manager_user(),
            self.env.ref("scm_base.user_cc_manager"),
        )
        self.assertEqual(
            self.Dept._scm_resolve("软件部")._scm_manager_user(),
            self.env.ref("scm_base.user_sw_manager"),
        )
        # A change of manager is followed.
        new_user = self.env["res.users"].create(
            {
                "name": "新经理",
                "login": "scm_test_new_msd_manager",
                "company_id": self.hq.id,
                "company_ids": [(6, 0, self.hq.ids)],
            }
        )
        employee = self.env["hr.employee"].create(
            {"name": "新经理", "user_id": new_user.id, "company_id": self.hq.id}
        )
        self.dept["msd"].manager_id = employee
        self.assertEqual(
            self.Dept._scm_resolve("市场销售部")._scm_manager_user(), new_user
        )

    def test_org_unit_02_unit_without_manager_user_raises(self):
        """ORG-UNIT-02: a unit without a manager user cannot resolve its
        approver: _scm_manager_user raises ValidationError."""
        unit = self.Dept.create({"name": "Unmanaged Unit", "company_id": self.hq.id})
        with self.assertRaises(ValidationError):
            unit._scm_manager_user()
        # A manager employee without a user account is not enough.
        unit.manager_id = self.env["hr.employee"].create(
            {"name": "No Login", "company_id": self.hq.id}
        )
        with self.assertRaises(ValidationError):
            unit._scm_manager_user()

    # ------------------------------------------------------------------
    # ORG-UNIT-03 aliases
    # ------------------------------------------------------------------
    def test_org_unit_03_aliases_resolve_to_one_unit(self):
        """ORG-UNIT-03: every alias of the manual resolves to one unit record."""
        resolve = self.Dept._scm_resolve
        d = self.dept
        expected = {
            "软件部": d["software"],
            "软件开发部": d["software"],
            "质检部": d["qc"],
            "质量检验部": d["qc"],
            "质量检测部": d["qc"],
            "管理需求部": d["mrd"],
            "需求部": d["mrd"],
            "品牌运作中心": d["brand"],
            "品牌运作部": d["brand"],
            "市场营销部": d["msd"],
            "市场销售部": d["msd"],
            "督导部": d["supervision_center"],
            "督导中心": d["supervision_center"],
            "公司经理办公会": d["office_meeting"],
            "总公司经理办公会议": d["office_meeting"],
            "公司办公会": d["office_meeting"],
            "稽核部": d["audit"],
            "培训部": d["training"],
        }
        for name, unit in expected.items():
            self.assertEqual(resolve(name), unit, name)
        self.assertEqual(resolve("软件开发部"), resolve("软件部"))
        self.assertEqual(resolve("质量检验部"), resolve("质量检测部"))
        self.assertEqual(
            resolve("  需求部 "), d["mrd"], "surrounding blanks are ignored"
        )
        # The unit's own (record) name also resolves.
        self.assertEqual(resolve("Software Dept"), d["software"])

    def test_org_unit_03_unknown_name_raises(self):
        """ORG-UNIT-03: a name that denotes no unit raises ValidationError."""
        with self.assertRaises(ValidationError):
            self.Dept._scm_resolve("不存在的部门")
        with self.assertRaises(ValidationError):
            self.Dept._scm_resolve("")

    def test_org_unit_03_duplicate_alias_refused(self):
        """ORG-UNIT-03: one alias name denotes one unit only; a duplicate alias
        is refused by the database and the original mapping is kept."""
        Alias = self.env["scm.unit.alias"]
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            Alias.create({"name": "软件部", "department_id": self.dept["qc"].id})
            Alias.flush_model()
        self.env.invalidate_all()
        self.assertEqual(Alias.search_count([("name", "=", "软件部")]), 1)
        self.assertEqual(self.Dept._scm_resolve("软件部"), self.dept["software"])
        # A new, distinct alias is accepted and resolves.
        Alias.create({"name": "质量部", "department_id": self.dept["qc"].id})
        self.assertEqual(self.Dept._scm_resolve("质量部"), self.dept["qc"])

    # ------------------------------------------------------------------
    # ORG-UNIT-05 working groups
    # ------------------------------------------------------------------
    def test_org_unit_05_working_group_members_keep_home_unit(self):
        """ORG-UNIT-05: a working group has members with their home unit and
        start/end dates; members keep their home unit."""
        emp_msd = self.env.ref("scm_base.employee_msd_manager")
        emp_sw = self.env.ref("scm_base.employee_sw_manager")
        today = china_today()
        group = self.env["scm.working.group"].create(
            {
                "name": "竞争对手分析工作组",
                "group_type": "competitor",
                "date_start": today,
                "date_end": today + timedelta(days=90),
                "member_ids": [
                    (0, 0, {"employee_id": emp_msd.id, "role": "组长"}),
                    (0, 0, {"employee_id": emp_sw.id}),
                ],
            }
        )
        self.assertEqual(len(group.member_ids), 2)
        by_emp = {m.employee_id: m for m in group.member_ids}
        self.assertEqual(by_emp[emp_msd].home_department_id, self.dept["msd"])
        self.assertEqual(by_emp[emp_sw].home_department_id, self.dept["software"])
        self.assertEqual(group.date_start, today)
        self.assertEqual(group.date_end, today + timedelta(days=90))
        # Membership does not move the employee out of the home unit.
        self.assertEqual(emp_msd.department_id, self.dept["msd"])
        self.assertEqual(emp_sw.department_id, self.dept["software"])
        # A member appears once per group.
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.env["scm.working.group.member"].create(
                {"group_id": group.id, "employee_id": emp_msd.id}
            )
            self.env["scm.working.group.member"].flush_model()

    def test_org_unit_05_working_group_end_before_start_refused(self):
        """ORG-UNIT-05: a working group cannot end before it starts."""
        today = china_today()
        WorkingGroup = self.env["scm.working.group"]
        with self.assertRaises(ValidationError):
            WorkingGroup.create(
                {
                    "name": "需求项目组",
                    "group_type": "requirement",
                    "date_start": today,
                    "date_end": today - timedelta(days=1),
                }
            )
        self.assertFalse(WorkingGroup.search([("name", "=", "需求项目组")]))
        group = WorkingGroup.create(
            {
                "name": "品牌项目专案组",
                "group_type": "brand",
                "date_start": today,
                "date_end": today,
            }
        )
        with self.assertRaises(ValidationError):
            group.date_end = today - timedelta(days=5)
        self.assertEqual(self._fresh(group).date_end, today)

    # ------------------------------------------------------------------
    # ORG-BR-01 branch master data
    # ------------------------------------------------------------------
    def test_org_br_01_branch_codes_and_provinces(self):
        """ORG-BR-01: the six seeded branches have exactly these codes and
        provinces; HQ has no code."""
        for xmlid, (code, states) in BRANCHES.items():
            branch = self.branches[xmlid]
            self.assertEqual(branch.scm_code, code, xmlid)
            self.assertEqual(
                branch.scm_province_ids,
                self.State.browse([self.env.ref(s).id for s in states]),
                xmlid,
            )
        self.assertFalse(self.hq.scm_code)
        self.assertFalse(self.hq.scm_province_ids)
        self.assertEqual(
            sorted(self.Company.search([("scm_code", "!=", False)]).mapped("scm_code")),
            sorted(code for code, _states in BRANCHES.values()),
        )

    def test_org_br_01_branch_by_code(self):
        """ORG-BR-01: the Xi'an branch resolves to code XA (codes are upper-case),
        and each province resolves to its branch."""
        self.assertEqual(self.Company._scm_branch_by_code("XA"), self.company_xa)
        self.assertEqual(self.Company._scm_branch_by_code("xa"), self.company_xa)
        self.assertEqual(self.Company._scm_branch_by_code(" wh "), self.company_wh)
        self.assertEqual(self.company_xa.scm_code, "XA")
        for xmlid, (_code, states) in BRANCHES.items():
            for state in states:
                self.assertEqual(
                    self.Company._scm_branch_for_state(self.env.ref(state)),
                    self.branches[xmlid],
                    state,
                )

    def test_org_br_01_unknown_code_raises(self):
        """ORG-BR-01: an unknown branch code raises ValidationError."""
        with self.assertRaises(ValidationError):
            self.Company._scm_branch_by_code("ZZ")
        with self.assertRaises(ValidationError):
            self.Company._scm_branch_by_code("XAX")

    def test_org_br_01_empty_code_is_no_branch(self):
        """ORG-BR-01: an empty or missing code is not a branch code: resolving it
        raises ValidationError instead of returning the code-less company (HQ)."""
        for empty in ("", "  ", False, None):
            with self.assertRaises(ValidationError, msg=f"code {empty!r}"):
                self.Company._scm_branch_by_code(empty)

    def test_org_br_01_hq_has_no_code(self):
        """ORG-BR-01: HQ has no code in contract numbers; giving it one is refused."""
        with self.assertRaises(ValidationError):
            self.hq.scm_code = "AA"
        self.assertFalse(self._fresh(self.hq).scm_code)

    # ------------------------------------------------------------------
    # ORG-BR-02 territory exclusivity
    # ------------------------------------------------------------------
    def test_org_br_02_province_belongs_to_one_branch(self):
        """ORG-BR-02: assigning 江苏 to a second branch raises ValidationError and
        nothing is written: 江苏 still belongs only to Wuxi."""
        wh_provinces = self.company_wh.scm_province_ids
        with self.assertRaises(ValidationError):
            self.company_wh.write({"scm_province_ids": [(4, self.state_js.id)]})
        with self.assertRaises(ValidationError):
            self.company_xa.scm_province_ids = [(6, 0, [self.state_js.id])]
        self.env.invalidate_all()
        self.assertEqual(self.company_wh.scm_province_ids, wh_provinces)
        self.assertNotIn(self.state_js, self.company_wh.scm_province_ids)
        self.assertNotIn(self.state_js, self.company_xa.scm_province_ids)
        self.assertIn(self.state_js, self.company_wx.scm_province_ids)
        self.assertEqual(
            self.Company.search([("scm_province_ids", "in", self.state_js.ids)]),
            self.company_wx,
        )
        self.assertEqual(self.state_js.scm_branch_id, self.company_wx)
        # A new branch cannot claim it either.
        with self.assertRaises(ValidationError):
            self.Company.create(
                self._new_branch_vals(scm_province_ids=[(6, 0, self.state_js.ids)])
            )
        self.env.invalidate_all()
        self.assertFalse(self.Company.search([("scm_code", "=", "SZ")]))
        self.assertEqual(
            self.Company.search([("scm_province_ids", "in", self.state_js.ids)]),
            self.company_wx,
        )

    def test_org_br_02_province_moves_after_release(self):
        """ORG-BR-02: once Wuxi gives up 江苏, another branch may take it (still
        at most one owner)."""
        self.company_wx.scm_province_ids = [(3, self.state_js.id)]
        self.company_wh.scm_province_ids = [(4, self.state_js.id)]
        self.env.invalidate_all()
        self.assertEqual(
            self.Company.search([("scm_province_ids", "in", self.state_js.ids)]),
            self.company_wh,
        )
        self.assertEqual(self.state_js.scm_branch_id, self.company_wh)

    # ------------------------------------------------------------------
    # ORG-AREA-01 HQ open areas
    # ------------------------------------------------------------------
    def test_org_area_01_open_areas(self):
        """ORG-AREA-01: 广东 (no branch) is an HQ open area; 湖北 is not: it
        belongs to Wuhan. The search on scm_is_open_area agrees."""
        self.assertTrue(self.state_gd.scm_is_open_area)
        self.assertFalse(self.state_gd.scm_branch_id)
        self.assertFalse(self.Company._scm_branch_for_state(self.state_gd))
        self.assertFalse(self.state_hb.scm_is_open_area)
        self.assertEqual(self.state_hb.scm_branch_id, self.company_wh)
        open_areas = self.State.search([("scm_is_open_area", "=", True)])
        self.assertIn(self.state_gd, open_areas)
        self.assertIn(self.state_fj, open_areas)
        self.assertNotIn(self.state_hb, open_areas)
        owned = self.State.search([("scm_is_open_area", "=", False)])
        self.assertIn(self.state_hb, owned)
        self.assertNotIn(self.state_gd, owned)
        # Every province owned by a seeded branch is excluded from open areas.
        for _code, states in BRANCHES.values():
            for state in states:
                self.assertNotIn(self.env.ref(state), open_areas, state)
        # Only Chinese provinces are open areas.
        self.assertEqual(open_areas.country_id, self.env.ref("base.cn"))
        self.assertEqual(
            self.State.search([("scm_branch_id", "=", self.company_wh.id)]),
            self.state_hb,
        )

    # ------------------------------------------------------------------
    # ORG-BR-03 new branches
    # ------------------------------------------------------------------
    def test_org_br_03_create_seventh_branch(self):
        """ORG-BR-03: a seventh branch with code 'sz' (upper-cased to SZ) and
        province 广东 can be created; 广东 is then no longer an open area."""
        branch = self.Company.create(
            self._new_branch_vals(
                scm_code="sz", scm_province_ids=[(6, 0, self.state_gd.ids)]
            )
        )
        self.assertEqual(branch.scm_code, "SZ")
        self.assertEqual(branch.parent_id, self.hq)
        self.assertEqual(branch.scm_unit_type, "branch")
        self.assertEqual(self.Company._scm_branch_by_code("SZ"), branch)
        self.env.invalidate_all()
        self.assertFalse(self.state_gd.scm_is_open_area)
        self.assertEqual(self.state_gd.scm_branch_id, branch)
        self.assertNotIn(
            self.state_gd, self.State.search([("scm_is_open_area", "=", True)])
        )
        self.assertGreaterEqual(
            len(self.Company.search([("scm_unit_type", "=", "branch")])), 7
        )

    def test_org_br_03_open_area_recomputed_in_same_transaction(self):
        """ORG-BR-03 / ORG-AREA-01: within one transaction, a province read as
        an open area before a branch takes it is no longer an open area after."""
        self.assertTrue(self.state_gd.scm_is_open_area)
        branch = self.Company.create(
            self._new_branch_vals(scm_province_ids=[(6, 0, self.state_gd.ids)])
        )
        self.assertFalse(self.state_gd.scm_is_open_area)
        self.assertEqual(self.state_gd.scm_branch_id, branch)

    def test_org_br_03_branch_without_territory_allowed(self):
        """ORG-BR-03: a new branch's territory is notified separately: a branch
        with no provinces is allowed."""
        branch = self.Company.create(self._new_branch_vals(scm_code="NB"))
        self.assertEqual(branch.scm_code, "NB")
        self.assertFalse(branch.scm_province_ids)
        self.assertEqual(branch.scm_unit_type, "branch")

    def test_org_br_03_code_format(self):
        """ORG-BR-03: a branch code must match ^[A-Z]{1,4}$: 'SZ12', 'ABCDE',
        'S-Z', '深圳' and an empty code are refused; nothing is created."""
        for bad in ("SZ12", "S-Z", "深圳", "sz1", "1"):
            with self.subTest(code=bad), self.assertRaises(ValidationError):
                self.Company.create(
                    self._new_branch_vals(name=f"Bad {bad}", scm_code=bad)
                )
        for empty in ("", False):
            with self.subTest(code=empty), self.assertRaises(ValidationError):
                self.Company.create(
                    self._new_branch_vals(name="No Code", scm_code=empty)
                )
        self.env.invalidate_all()
        self.assertFalse(self.Company.search([("name", "=like", "Bad %")]))
        self.assertFalse(self.Company.search([("name", "=", "No Code")]))
        for good in ("A", "SZ", "ABCD"):
            branch = self.Company.create(
                self._new_branch_vals(name=f"Good {good}", scm_code=good)
            )
            self.assertEqual(branch.scm_code, good)

    def test_org_br_03_code_format_on_write(self):
        """ORG-BR-03: changing a branch code to a non-matching value (too long,
        digits, empty) is refused and the code is kept."""
        for bad in ("W1", "", "W-H"):
            with self.subTest(code=bad), self.assertRaises(ValidationError):
                self.company_wh.write({"scm_code": bad})
            self.assertEqual(self._fresh(self.company_wh).scm_code, "WH")
        self.company_wh.write({"scm_code": "wuh"})
        self.assertEqual(self.company_wh.scm_code, "WUH")

    def test_org_br_03_code_longer_than_four_letters_refused(self):
        """ORG-BR-03: a code of more than 4 letters ('ABCDE') does not match
        ^[A-Z]{1,4}$: it is refused with ValidationError on create and on write,
        never silently cut to 4 letters."""
        with self.assertRaises(ValidationError):
            self.Company.create(
                self._new_branch_vals(name="Bad ABCDE", scm_code="ABCDE")
            )
        self.env.invalidate_all()
        self.assertFalse(self.Company.search([("name", "=", "Bad ABCDE")]))
        self.assertFalse(self.Company.search([("scm_code", "=", "ABCD")]))
        with self.assertRaises(ValidationError):
            self.company_wh.write({"scm_code": "WUHAN"})
        self.assertEqual(self._fresh(self.company_wh).scm_code, "WH")

    def test_org_br_03_code_unique(self):
        """ORG-BR-03: a branch code is unique: a duplicate (in any case) is refused."""
        for dup in ("WH", "wh"):
            with (
                self.subTest(code=dup),
                self.assertRaises(ValidationError),
                mute_logger("odoo.sql_db"),
                self.env.cr.savepoint(),
            ):
                self.Company.create(
                    self._new_branch_vals(name=f"Dup {dup}", scm_code=dup)
                )
                self.Company.flush_model()
        self.env.invalidate_all()
        self.assertEqual(
            self.Company.search([("scm_code", "=", "WH")]), self.company_wh
        )

    def test_org_br_03_code_unique_against_unit_codes(self):
        """ORG-BR-03: the contract-number segment 3 is a
        branch code or a unit code (Software Dept: DS); a branch code that is
        already a unit code is refused, as the reverse already is."""
        with self.assertRaises(ValidationError):
            self.dept["qc"].scm_code = "WH"
        with self.assertRaises(ValidationError):
            self.Company.create(self._new_branch_vals(scm_code="DS"))
        self.env.invalidate_all()
        self.assertFalse(self.Company.search([("scm_code", "=", "DS")]))

    def test_org_br_03_create_branch_through_form(self):
        """ORG-BR-03: a branch is created through the company form (name, HQ
        parent, code, provinces)."""
        with Form(self.env["res.company"]) as f:
            f.name = "深圳分公司"
            f.parent_id = self.hq
            self.assertEqual(f.scm_unit_type, "branch")
            f.scm_code = "sz"
            f.scm_province_ids.add(self.state_gd)
        branch = f.record
        self.assertEqual(branch.name, "深圳分公司")
        self.assertEqual(branch.parent_id, self.hq)
        self.assertEqual(branch.scm_code, "SZ")
        self.assertEqual(branch.scm_province_ids, self.state_gd)
        self.assertEqual(branch.scm_unit_type, "branch")
        self.env.invalidate_all()
        self.assertFalse(self.state_gd.scm_is_open_area)
        self.assertEqual(self.state_gd.scm_branch_id, branch)

    def test_org_br_03_form_refuses_taken_province(self):
        """ORG-BR-03 / ORG-BR-02: through the form, a new branch cannot claim a
        province that already belongs to a branch."""
        f = Form(self.env["res.company"])
        f.name = "苏州分公司"
        f.parent_id = self.hq
        f.scm_code = "SU"
        f.scm_province_ids.add(self.state_js)
        with self.assertRaises(ValidationError):
            f.save()
        self.env.invalidate_all()
        self.assertFalse(self.Company.search([("scm_code", "=", "SU")]))

    # ------------------------------------------------------------------
    # ORG-BR-04 independent accounting
    # ------------------------------------------------------------------
    def test_org_br_04_independent_accounting_flag(self):
        """ORG-BR-04: each branch carries the independent-accounting flag and it
        toggles (demo: Wuhan is independent). Only the flag is checked here: its
        effect on the contract retention list belongs to the contracts addon."""
        self.assertIn("scm_independent_accounting", self.Company._fields)
        self.assertTrue(self.company_wh.scm_independent_accounting)
        self.assertFalse(self.branches["company_bj"].scm_independent_accounting)
        self.company_wh.scm_independent_accounting = False
        self.branches["company_bj"].scm_independent_accounting = True
        wh, bj = self._fresh(self.company_wh | self.branches["company_bj"])
        self.assertFalse(wh.scm_independent_accounting)
        self.assertTrue(bj.scm_independent_accounting)
        wh.scm_independent_accounting = True
        self.assertTrue(self._fresh(wh).scm_independent_accounting)

    # ------------------------------------------------------------------
    # ORG-ROLE-01..39 role catalogue, ORG-ROLE-40 several roles
    # ------------------------------------------------------------------
    def test_org_role_01_39_job_positions(self):
        """ORG-ROLE-01..39: every role of the catalogue is seeded as a job
        position scm_base.job_role_NN described 'ORG-ROLE-NN'."""
        for number in range(1, 40):
            job = self.env.ref(
                f"scm_base.job_role_{number:02d}", raise_if_not_found=False
            )
            self.assertTrue(job, f"job_role_{number:02d} is missing")
            self.assertEqual(job._name, "hr.job")
            self.assertEqual(
                html2plaintext(job.description or "").strip(), f"ORG-ROLE-{number:02d}"
            )
            self.assertTrue(job.name)

    def test_org_role_01_39_jobs_linked_to_units(self):
        """ORG-ROLE-01..39: roles whose unit is an HQ unit are linked to it."""
        d = self.dept
        expected = {
            2: d["office_meeting"],
            4: d["market_center"],
            5: d["msd"],
            6: d["msd"],
            7: d["msd"],
            8: d["msd"],
            9: d["msd"],
            10: d["customer_center"],
            11: d["mcd"],
            13: d["mcd"],
            14: d["mrd"],
            15: d["mrd"],
            16: d["mrd"],
            17: d["supervision_center"],
            18: d["audit"],
            19: d["software"],
            20: d["software"],
            21: d["software"],
            22: d["qc"],
            23: d["qc"],
            24: d["finance"],
            25: d["brand"],
            26: d["brand"],
        }
        for number, unit in expected.items():
            job = self.env.ref(f"scm_base.job_role_{number:02d}")
            self.assertEqual(job.department_id, unit, f"ORG-ROLE-{number:02d}")

    def test_org_role_01_39_security_groups(self):
        """ORG-ROLE-01..39: the role groups exist in the SCM Operations category."""
        category = self.env.ref("scm_base.module_category_scm")
        for xmlid in ROLE_GROUPS:
            group = self.env.ref(f"scm_base.{xmlid}", raise_if_not_found=False)
            self.assertTrue(group, f"{xmlid} is missing")
            self.assertEqual(group._name, "res.groups")
            self.assertEqual(group.category_id, category, xmlid)
        self.assertTrue(
            self.env.ref("base.group_system").trans_implied_ids
            & self.env.ref("scm_base.group_scm_admin")
        )

    def test_org_role_01_39_implied_groups(self):
        """ORG-ROLE-27/05/18: Branch Manager implies Branch Staff and Department
        Manager; MSD Manager implies HQ Staff; the Auditor does not imply HQ
        Staff (reads all through its own rules, writes nothing)."""
        g = lambda x: self.env.ref(f"scm_base.{x}")  # noqa: E731
        branch_manager = g("group_branch_manager")
        self.assertIn(g("group_branch_staff"), branch_manager.trans_implied_ids)
        self.assertIn(g("group_unit_manager"), branch_manager.trans_implied_ids)
        self.assertNotIn(g("group_hq_staff"), branch_manager.trans_implied_ids)
        self.assertIn(g("group_hq_staff"), g("group_msd_manager").trans_implied_ids)
        self.assertIn(g("group_unit_manager"), g("group_msd_manager").trans_implied_ids)
        self.assertNotIn(g("group_hq_staff"), g("group_auditor").trans_implied_ids)
        self.assertNotIn(g("group_unit_manager"), g("group_auditor").trans_implied_ids)
        self.assertIn(g("group_scm_user"), g("group_auditor").trans_implied_ids)
        self.assertIn(g("group_hq_staff"), g("group_president").trans_implied_ids)
        self.assertNotIn(g("group_hq_staff"), g("group_consultant").trans_implied_ids)
        self.assertNotIn(g("group_hq_staff"), g("group_branch_staff").trans_implied_ids)

    def test_org_role_40_one_user_several_roles(self):
        """ORG-ROLE-40: one user may hold several roles: a Branch Manager who is
        also a consultant has both, and stays a branch-scoped user."""
        user = self.env["res.users"].create(
            {
                "name": "双角色经理",
                "login": "scm_test_dual_role",
                "company_id": self.company_wh.id,
                "company_ids": [(6, 0, self.company_wh.ids)],
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            self.env.ref("base.group_user").id,
                            self.env.ref("scm_base.group_branch_manager").id,
                            self.env.ref("scm_base.group_consultant").id,
                        ],
                    )
                ],
            }
        )
        self.assertTrue(user.has_group("scm_base.group_branch_manager"))
        self.assertTrue(user.has_group("scm_base.group_consultant"))
        self.assertTrue(user.has_group("scm_base.group_branch_staff"))
        self.assertTrue(user.has_group("scm_base.group_unit_manager"))
        self.assertFalse(user.has_group("scm_base.group_hq_staff"))
        self.assertFalse(user.has_group("scm_base.group_auditor"))
        self.assertEqual(user.company_ids, self.company_wh)
        # Branch-scoped: sees only the Wuhan deadline.
        partner = self.env["res.partner"].create({"name": "ORG-ROLE-40 customer"})
        now = fields.Datetime.now()
        Deadline = self.env["scm.deadline"].sudo()
        deadlines = Deadline.browse()
        for company in (self.company_wh, self.branches["company_bj"]):
            deadlines |= Deadline.create(
                {
                    "name": f"ORG-ROLE-40 {company.scm_code}",
                    "res_model": "res.partner",
                    "res_id": partner.id,
                    "company_id": company.id,
                    "user_id": user.id,
                    "unit": "working_days",
                    "amount": 1,
                    "start_date": now,
                    "due_date": now + timedelta(days=1),
                }
            )
        self.env.invalidate_all()
        visible = (
            self.env["scm.deadline"]
            .with_user(user)
            .search([("id", "in", deadlines.ids)])
        )
        self.assertEqual(visible.company_id, self.company_wh)
        self.assertEqual(len(visible), 1)
