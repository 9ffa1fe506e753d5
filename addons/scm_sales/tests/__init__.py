from . import common
from . import test_customer
from . import test_territory
from . import test_proposal
