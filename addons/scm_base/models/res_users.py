from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"
    # Every user of the suite lands on 'My Work' after login.

    scm_delegation_ids = fields.One2many(
        "scm.delegation", "delegator_id", string="Delegations Given"
    )
    scm_company_lineage_ids = fields.Many2many(
        "res.company",
        string="Companies and Their Parents",
        compute="_compute_scm_company_lineage_ids",
        compute_sudo=True,
        help="The companies the user may open and the companies above them: a "
        "branch user reads the partners of HQ.",
    )

    scm_unit_ids = fields.Many2many(
        "hr.department",
        string="Units",
        compute="_compute_scm_unit_ids",
        compute_sudo=True,
        help="The units (HQ departments and centers) the user works in, in "
        "any company, or manages.",
    )

    scm_team_user_ids = fields.Many2many(
        "res.users",
        string="People of My Units",
        compute="_compute_scm_team_user_ids",
        compute_sudo=True,
        help="The people of the units (and the units below them) the user "
        "manages, the user included; empty for who manages no unit. The team "
        "deadlines and the monthly assessment read it.",
    )

    def _compute_scm_team_user_ids(self):
        # Read once per user by record rules (Odoo caches rule domains;
        # hr.employee and hr.department clear that cache when a membership
        # or a unit's manager changes) and by the "my team" deadline filter.
        Department = self.env["hr.department"]
        Employee = self.env["hr.employee"].with_context(active_test=False)
        for user in self:
            units = Department.search([("manager_id.user_id", "=", user.id)])
            if not units:
                user.scm_team_user_ids = False
                continue
            members = Employee.search([("department_id", "child_of", units.ids)])
            user.scm_team_user_ids = members.user_id | user

    def _compute_scm_unit_ids(self):
        # Record rules read this id list once per user (Odoo caches rule
        # domains; hr.employee and hr.department clear that cache when a
        # membership changes): a path such as
        # `department_id.member_ids.user_id` in a rule would search employees
        # and departments again in every search of the document, the list
        # and name search of customer projects included.
        Employee = self.env["hr.employee"].with_context(active_test=False)
        Department = self.env["hr.department"]
        for user in self:
            members = Employee.search([("user_id", "=", user.id)]).department_id
            managed = Department.search([("manager_id.user_id", "=", user.id)])
            user.scm_unit_ids = members | managed

    @api.depends("company_ids")
    def _compute_scm_company_lineage_ids(self):
        # The partner rule reads this id list once per user (Odoo caches rule
        # domains); `parent_of` in the rule would walk the company tree again
        # in every search of a partner, name searches included.
        for user in self:
            companies = user.company_ids
            user.scm_company_lineage_ids = companies.browse(
                {
                    int(company_id)
                    for path in companies.mapped("parent_path")
                    for company_id in (path or "").split("/")
                    if company_id
                }
            )

    def _scm_is_member_of_company(self, company):
        """Whether the user works at `company` (HQ or a branch): it is their
        own company, or they are its branch manager. Holding the company in
        the switcher, as every HQ user holds every branch, is not being one
        of its people."""
        self.ensure_one()
        return bool(company) and (
            self.company_id == company or company.sudo().scm_manager_id == self
        )

    def _scm_employee(self):
        """The user's employee file: the one in their own company, whatever
        companies the client has active (hr's `employee_ids` lists only the
        active companies' employees, so an HQ user looking at a branch's
        trainee would find none)."""
        self.ensure_one()
        employees = self.env["hr.employee"].sudo().search([("user_id", "=", self.id)])
        return (
            employees.filtered(lambda e: e.company_id == self.company_id)[:1]
            or employees[:1]
        )

    def _scm_is_member_of_unit(self, department):
        """Whether the user belongs to `department` (or a unit below it) or
        manages it."""
        self.ensure_one()
        if not department:
            return False
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("user_id", "=", self.id),
                    ("department_id", "child_of", department.ids),
                ],
                limit=1,
            )
        )
        managed = department.sudo().manager_id.user_id
        return bool(employees) or self in managed

    @api.model
    def _scm_home_action(self):
        return self.env.ref("scm_base.action_scm_my_work", raise_if_not_found=False)

    def _scm_suite_users(self):
        suite = self.env.ref("scm_base.group_scm_user") | self.env.ref(
            "scm_base.group_auditor"
        )
        return self.filtered(lambda user: user.groups_id & suite)

    def _scm_set_home_action(self):
        """Give 'My Work' as home to the users of the suite who have none."""
        home = self._scm_home_action()
        if not home:
            return
        users = self or self.with_context(active_test=False).search([])
        users._scm_suite_users().filtered(lambda u: not u.action_id).sudo().write(
            {"action_id": home.id}
        )

    @api.model
    def _scm_set_home_action_all(self):
        self.browse()._scm_set_home_action()

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._scm_set_home_action()
        return users

    def write(self, vals):
        res = super().write(vals)
        if "groups_id" in vals or any(
            key.startswith(("in_group_", "sel_groups_")) for key in vals
        ):
            self._scm_set_home_action()
        return res
