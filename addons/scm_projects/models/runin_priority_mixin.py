from odoo import api, fields, models

# SUP-REQ-02: the submitter states importance and urgency.
IMPORTANCE = [
    ("critical", "Critical"),
    ("important", "Important"),
    ("normal", "Normal"),
]
URGENCY = [
    ("very_urgent", "Very Urgent"),
    ("urgent", "Urgent"),
    ("normal", "Normal"),
]
PRIORITIES = [
    ("p1", "P1 - Highest"),
    ("p2", "P2 - High"),
    ("p3", "P3 - Medium"),
    ("p4", "P4 - Low"),
]
_WEIGHT = {"critical": 3, "important": 2, "very_urgent": 3, "urgent": 2, "normal": 1}


def runin_priority(importance, urgency):
    """The handler's priority from the submitter's pair (SUP-REQ-02): the sum
    of both weights, 6 = P1 ... 2-3 = P4."""
    if not importance or not urgency:
        return False
    score = _WEIGHT[importance] + _WEIGHT[urgency]
    return {6: "p1", 5: "p2", 4: "p3"}.get(score, "p4")


class ScmProjectRuninPriorityMixin(models.AbstractModel):
    """Importance, urgency and the priority derived from them, on the run-in
    suggestion and the run-in customer need (SUP-REQ-02)."""

    _name = "scm.project.runin.priority.mixin"
    _description = "Requirement Importance and Urgency"

    importance = fields.Selection(IMPORTANCE, tracking=True)
    urgency = fields.Selection(URGENCY, tracking=True)
    priority = fields.Selection(PRIORITIES, compute="_compute_priority", store=True)
    schedule_date = fields.Date(
        string="Scheduled For",
        tracking=True,
        help="The handler's feedback: when it will be done (SUP-REQ-02).",
    )

    @api.depends("importance", "urgency")
    def _compute_priority(self):
        for record in self:
            record.priority = runin_priority(record.importance, record.urgency)
