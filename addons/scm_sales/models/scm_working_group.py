from odoo import _, fields, models

COMPETITOR_GROUP_XMLID = "scm_sales.working_group_competitor_analysis"
# SAL-COMP-01: the units whose departments' managers sit in the group
# ("市场中心各部、客户中心各部、督导中心各部") and the single departments.
CENTERS = (
    "scm_base.dept_market_center",
    "scm_base.dept_customer_center",
    "scm_base.dept_supervision_center",
)
DEPARTMENTS = ("scm_base.dept_software", "scm_base.dept_qc", "scm_base.dept_finance")


class ScmWorkingGroup(models.Model):
    """The Competitor Analysis Working Group and its meetings (SAL-COMP-01)."""

    _inherit = "scm.working.group"

    scm_meeting_ids = fields.One2many(
        "scm.competitor.meeting", "group_id", string="Meetings"
    )

    def _scm_competitor_member_roles(self):
        """(employee, role) of every member the manual names: the President,
        the managers of the departments of the Market, Customer and
        Supervision Centers, of the Software, QC and Finance Depts, and every
        branch manager. Units without a manager are skipped."""
        ref = self.env.ref
        Employee = self.env["hr.employee"].sudo()

        def employee_of(user):
            # Not user.employee_ids: it only lists the employees of the
            # companies currently selected, and branch managers work in
            # their branch.
            if not user:
                return Employee
            return Employee.search([("user_id", "=", user.id)], limit=1)

        members = []
        president_group = ref("scm_base.group_president")
        for user in president_group.users:
            members.append((employee_of(user), _("President")))
        for xmlid in CENTERS:
            center = ref(xmlid)
            for dept in center.child_ids:
                members.append(
                    (dept.manager_id, _("Manager, %(unit)s", unit=dept.name))
                )
        for xmlid in DEPARTMENTS:
            dept = ref(xmlid)
            members.append((dept.manager_id, _("Manager, %(unit)s", unit=dept.name)))
        branches = self.env["res.company"].search([("parent_id", "!=", False)])
        for branch in branches:
            members.append(
                (
                    employee_of(branch.scm_manager_id),
                    _("Branch Manager, %(branch)s", branch=branch.name),
                )
            )
        return [(employee, role) for employee, role in members if employee]

    def _scm_sync_competitor_members(self):
        """Add the members the manual names that the group still lacks."""
        if not self.env.lang and self.env.user.lang:
            # Module data runs without a language, and _() then falls back
            # to the user's while unit names stay English: the roles are
            # stored text, written in one language.
            return self.with_context(
                lang=self.env.user.lang
            )._scm_sync_competitor_members()
        Member = self.env["scm.working.group.member"].sudo()
        msd_manager = self.env.ref("scm_base.dept_msd").sudo().manager_id.user_id
        for group in self.sudo():
            if not group.leader_id and msd_manager:
                # The MSD Manager convenes the group (SAL-COMP-01).
                group.leader_id = msd_manager
            present = group.member_ids.mapped("employee_id")
            for employee, role in group._scm_competitor_member_roles():
                if employee in present:
                    continue
                Member.create(
                    {"group_id": group.id, "employee_id": employee.id, "role": role}
                )
                present |= employee
        return True

    def _scm_member_users(self):
        self.ensure_one()
        return self.member_ids.mapped("employee_id.user_id")
