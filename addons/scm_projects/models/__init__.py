# core: the project of a contract, its team, customer signatures
from . import scm_project_customer_sign_mixin
from . import scm_project_document_mixin
from . import project_project
from . import project_task
from . import project_milestone
from . import scm_project_member
from . import scm_contract
from . import scm_contract_milestone

# [areas] each area appends its own imports below
# plans: the four plans and the schedule, delay notices, plan vs actual
from . import plans_project_plan
from . import plans_delay_notice
from . import plans_delay_notice_line
from . import plans_project_task
from . import plans_project_project
from . import plans_scm_assessment_entry
