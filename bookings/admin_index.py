from accounts.admin_index import add

# Performances are culture's offers: their lists are under "Kultur".
add("kultur", ["bookings.Offer", "bookings.AgeBand"])
