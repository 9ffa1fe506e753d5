from . import scm_project_customer_sign
from . import network_equipment_change_decision
from . import scm_project_execution_verify
