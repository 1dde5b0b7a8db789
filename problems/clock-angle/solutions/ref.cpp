#include <cmath>
#include <cstdio>

int main() {
    int t;
    scanf("%d", &t);
    while (t--) {
        int h, m, s;
        scanf("%d %d %d", &h, &m, &s);
        double seconds = (h % 12) * 3600 + m * 60 + s;
        double hourHand = seconds / 120.0;           // 360 degrees per 12 h
        double minuteHand = (m * 60 + s) / 10.0;     // 360 degrees per hour
        double angle = std::fabs(hourHand - minuteHand);
        if (angle > 180) angle = 360 - angle;
        printf("%.9f\n", angle);
    }
}
