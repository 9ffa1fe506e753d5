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
# elements
from . import elements_project
from . import elements_element
from . import elements_supplement_request
from . import elements_memorandum
from . import elements_init_checklist
from . import elements_init_checklist_line
