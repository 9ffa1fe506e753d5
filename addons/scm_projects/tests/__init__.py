from . import test_project_core
# [areas] each area appends its own test modules below
from . import test_network_equipment
from . import test_network_service
from . import test_network_disc
