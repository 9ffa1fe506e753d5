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
# network: technical service, network engineering, discs
from . import network_project_project
from . import network_equipment
from . import network_equipment_signoff
from . import network_equipment_change
from . import network_equipment_change_line
from . import network_work_order
from . import network_disc_request
